# a map keyed by another field (named in the header's first column), in
# Windows-1251 with semicolons, as Excel saves it (or UTF-8 with a BOM); a
# number key matches; the first row of a key wins; two maps, first hit wins
printf 'ad_id;utm_source;utm_campaign;ad_group\n555;avito;\xc1\xe0\xec\xef\xe5\xf0\xfb;\xc1\xe0\xec\xef\xe5\xf0\xfb\n555;wrong;wrong;wrong\n"7 77";yandex;"optics; xenon";optics\n' > ads.csv
printf '\xef\xbb\xbftitle,utm_source\nCall from the site,site\n' > titles.csv
cat > in.ndjson <<'R'
{"kind":"lead","id":"1","ad_id":"555","utm_source":null}
{"kind":"lead","id":"2","ad_id":555,"utm_source":null}
{"kind":"lead","id":"3","ad_id":" 7 77 ","utm_source":null,"utm_campaign":"kept"}
{"kind":"lead","id":"4","title":"Call from the site","utm_source":null}
{"kind":"lead","id":"5","ad_id":"556","utm_source":null}
R
pulse-utm --map ads.csv --map titles.csv --stats in.ndjson | jq -c '[.id, .utm_source, .utm_campaign, .ad_group, .utm_origin]'
