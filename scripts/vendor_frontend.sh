#!/usr/bin/env bash
# Vendor GOV.UK Frontend and axe-core from npm into assure/core/static/vendor/.
# Run by hand when upgrading; the output is committed, so Node is not needed at run time.
# Keep GOVUK_FRONTEND in step with govuk-frontend-jinja (4.1.0 targets 6.3.0).
set -euo pipefail
GOVUK_FRONTEND=6.3.0
AXE_CORE=4.11.0
here=$(cd "$(dirname "$0")/.." && pwd)
out="$here/assure/core/static/vendor"
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
cd "$work"
npm pack --silent "govuk-frontend@$GOVUK_FRONTEND" "axe-core@$AXE_CORE" >/dev/null
mkdir gf axe
tar xzf "govuk-frontend-$GOVUK_FRONTEND.tgz" -C gf
tar xzf "axe-core-$AXE_CORE.tgz" -C axe
rm -rf "$out/govuk-frontend" "$out/axe-core"
mkdir -p "$out/govuk-frontend/assets/images" "$out/axe-core"
dist=gf/package/dist/govuk
# Not a gov.uk service: drop the GDS Transport font and the crown; use Arial.
python3 - "$dist/govuk-frontend.min.css" "$out/govuk-frontend/govuk-frontend.min.css" <<'PY'
import re, sys
css = open(sys.argv[1], encoding="utf-8").read()
css = re.sub(r"@font-face\{font-family:GDS Transport;[^}]*\}", "", css)
css = css.replace('"GDS Transport",', "").replace("GDS Transport,", "")
css = css.replace("url(/assets/", "url(assets/")
css = re.sub(r"/\*# sourceMappingURL=[^*]*\*/", "", css)
open(sys.argv[2], "w", encoding="utf-8").write(css)
PY
python3 -c 'import re,sys; s=open(sys.argv[1]).read(); open(sys.argv[2],"w").write(re.sub(r"//# sourceMappingURL=\S*", "", s))' \
  "$dist/govuk-frontend.min.js" "$out/govuk-frontend/govuk-frontend.min.js"
cp "$dist/assets/images/favicon.ico" "$dist/assets/images/favicon.svg" "$dist/assets/images/govuk-crest.svg" \
   "$out/govuk-frontend/assets/images/"
cp "$dist/assets/manifest.json" "$out/govuk-frontend/assets/"
cp gf/package/LICENSE.txt "$out/govuk-frontend/LICENSE.txt" 2>/dev/null || true
cp axe/package/axe.min.js axe/package/LICENSE "$out/axe-core/"
echo "govuk-frontend $GOVUK_FRONTEND, axe-core $AXE_CORE -> $out"
