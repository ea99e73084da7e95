need=0
while IFS= read -r -d '' status && IFS= read -r -d '' file; do
  case "$file" in
    notices/personvern.yaml) echo "[[template "say-defaults" .]]"; need=1 ;;
    notices/*.yaml|notices/*.yml)
      case "$status" in
        A) echo "[[template "say-new" .]]"; need=1 ;;
        D) echo "[[template "say-removed" .]]"; need=1 ;;
        *) rc=0; personvern diff --fail-on material "$BASE:$file" "$file" || rc=$?
           case "$rc" in 0) ;; 1) need=1 ;; *) exit "$rc" ;; esac ;;
      esac ;;
  esac
done < <(git diff -z --no-renames --name-status "$BASE" HEAD -- notices)
if [ "$need" = 1 ] && [ "$SIGNED_OFF" != true ]; then
  echo "[[template "say-material" .]]"
  echo "[[template "say-label" .]]"
  exit 1
fi
