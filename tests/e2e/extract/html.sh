# HTML bodies to text: entities (named, numeric, invalid, Windows-1252),
# tags, <br>, blocks, lists and tables, blockquote, Odoo's quote markers,
# reply headers (Am ... schrieb, On ... wrote, Original Message, Von/Gesendet,
# From/Sent), "> " lines, umlauts, Cyrillic, script/style/head/comments,
# whitespace, plain-text bodies, a message that is all quote, and
# customer sentences that look like reply headers but hold no time or address.
pulse-extract odoo --no-default-rules "$ROOT/tests/e2e/extract/data/html.ndjson" |
	sed -E 's/.*"message_id":([0-9]+),.*"text":("([^"\\]|\\.)*").*/\1 \2/'
