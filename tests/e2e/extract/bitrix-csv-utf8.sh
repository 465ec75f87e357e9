# The CSV export in UTF-8 with a BOM, ',' and English headers (deals);
# quoted fields hold ',' ';' quotes and newlines; the header says deals.
D=$ROOT/tests/e2e/extract/data
pulse-extract bitrix "$D/bitrix-deals-utf8.csv"
echo '# --delimiter given, the same'
pulse-extract bitrix --delimiter , "$D/bitrix-deals-utf8.csv" | cksum >a
pulse-extract bitrix "$D/bitrix-deals-utf8.csv" | cksum >b
cmp a b && echo same
