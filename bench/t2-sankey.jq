# T2 for jq: the links of each user's first 7 events in time order, as
# pulse-sankey counts them.  Streams the input (jq -n ... inputs) and keeps
# at most 7 events per user: an event not earlier than the user's last
# kept one is appended (while fewer than 7) or dropped, an earlier one is
# sorted in.  sort_by is stable, so events with equal times keep their
# input order, as in pulse-sankey.  The times are all RFC 3339 in UTC
# ("...Z", or in the second shape "2025-12-08 12:11:56": one format a
# file), so comparing the strings compares the times.
# user_id is keyed by its JSON text: 7 and "7" are two users, as in
# pulse-sankey.
# Output: step TAB from TAB to TAB users, one line per link.
def steps: 7;
reduce inputs as $e ({};
	($e.user_id | tojson) as $k
	| .[$k] as $l
	| if $l == null then .[$k] = [[$e.ts, $e.event]]
	  elif $e.ts >= $l[-1][0] then
		if ($l | length) < steps then .[$k] = $l + [[$e.ts, $e.event]]
		else . end
	  else .[$k] = ($l + [[$e.ts, $e.event]] | sort_by(.[0]) | .[:steps])
	  end)
| reduce (.[] | . as $l | range(1; $l | length)
	| "\(.)\t\($l[. - 1][1])\t\($l[.][1])") as $link ({};
	.[$link] += 1)
| to_entries[] | "\(.key)\t\(.value)"
