need=0
while IFS= read -r -d '' status && IFS= read -r -d '' file; do
  case "$file" in
    notices/personvern.yaml) echo "$file changed: its defaults apply to every notice"; need=1 ;;
    notices/*.yaml|notices/*.yml)
      case "$status" in
        A) echo "$file: new notice"; need=1 ;;
        D) echo "$file: notice removed"; need=1 ;;
        *) rc=0; personvern diff --fail-on material "$BASE:$file" "$file" || rc=$?
           case "$rc" in 0) ;; 1) need=1 ;; *) exit "$rc" ;; esac ;;
      esac ;;
  esac
done < <(git diff -z --no-renames --name-status "$BASE" HEAD -- notices)
if [ "$need" = 1 ] && [ "$SIGNED_OFF" != true ]; then
  echo "Material changes: people must be told before they take effect (GDPR art. 13(3))."
  echo "The personvernombud signs off by adding the label personvern-godkjent."
  exit 1
fi
