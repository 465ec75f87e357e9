# The answer of pulse-funnel --by manager in the shape of t5-funnel.sql:
# the stages rows with something reached, and the managers rows.
if .table == "stages" and .reached > 0 then
	["stages", .group.manager, .entity, (.category // ""), .stage, .reached, .total]
elif .table == "managers" then
	["managers", .manager, .leads, .won,
	 (.revenue | to_entries | sort_by(.key) | map("\(.key)=\(.value)") | join(","))]
else empty end
| join("\t")
