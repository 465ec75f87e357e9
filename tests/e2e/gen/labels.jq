# labels.jq - compares the labels of pulse-gen odoo ($L) with the ticket
# records of pulse-classify ($T), ticket by ticket: category, priority,
# days_waiting, topics (as sets) and first_response_hours (within 0.005).
# Prints one line per ticket that differs, then the totals.
($T | map({key: (.ticket_id | tostring), value: .}) | from_entries) as $t
| ($L | map({key: (.ticket_id | tostring), value: .}) | from_entries) as $l
| [ $L[] as $w
    | ($t[$w.ticket_id | tostring]) as $g
    | if $g == null then "\($w.ticket_id): missing from classify's output"
      else
        ( [ ("category", "priority", "days_waiting")
            | select($w[.] != $g[.])
            | "\(.) \($w[.] | tojson) != \($g[.] | tojson)" ]
          + (if ($w.topics | sort) != ($g.topics | sort)
             then ["topics \($w.topics | tojson) != \($g.topics | tojson)"]
             else [] end)
          + (if ($w.first_response_hours == null) != ($g.first_response_hours == null)
                or ($w.first_response_hours != null
                    and (($w.first_response_hours - $g.first_response_hours) | fabs) > 0.0051)
             then ["first_response_hours \($w.first_response_hours) != \($g.first_response_hours)"]
             else [] end) )
        | select(length > 0)
        | "\($w.ticket_id) (\($w.category)): \(join(", "))"
      end ]
  + [ $T[] | select($l[.ticket_id | tostring] == null)
      | "\(.ticket_id): in classify's output, not in the labels" ]
| (.[] | "mismatch \(.)"), "\($L | length) tickets, \(length) mismatches"
