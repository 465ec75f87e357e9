# T3 for jq: pulse-metrics' payments_with_second_line, per UTC day: the
# payments whose same user's immediately preceding event (time order,
# equal times in input order) is a second-line event.  Keeps every event
# of every user, as pulse-metrics does, then sorts each user's events by
# time (sort_by is stable: equal times keep their input order).  The times
# are all RFC 3339 in UTC ("...Z", or in the second shape
# "2025-12-08 12:11:56"), so comparing the strings compares the
# times and the first ten characters are the UTC day.
# Output: day TAB count, for the days with at least one.
def after: {"Назначена задача на вторую линию": true, "Дозвон 2Л": true};
after as $after
| reduce inputs as $e ({};
	($e.user_id | tojson) as $k
	| .[$k] = (.[$k] + [[$e.ts, $e.event]]))
| reduce (.[] | sort_by(.[0]) | . as $l | range(1; length)
	| select($l[.][1] == "payment" and $after[$l[. - 1][1]])
	| $l[.][0][:10]) as $day ({}; .[$day] += 1)
| to_entries[] | "\(.key)\t\(.value)"
