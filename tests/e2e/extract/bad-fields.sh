# Each malformed field is named in the message (with --on-error=skip).
T='"date":"2025-10-07 09:00:00","res_id":1'
cat >in.ndjson <<X
{"res_id":1,"date":"2025-10-07 09:00:00"}
{"id":"2",$T}
{"id":2.5,$T}
{"id":3,"res_id":1}
{"id":4,"date":"yesterday","res_id":1}
{"id":5,"date":"2025-10-07 09:00:00"}
{"id":6,"date":"2025-10-07 09:00:00","res_id":"7"}
{"id":7,$T,"author_id":"Anna"}
{"id":8,$T,"subtype_id":["x","Note"]}
{"id":9,$T,"is_internal":"yes"}
{"id":10,$T,"subject":5}
{"id":11,$T,"body":["x"]}
{"id":12,$T,"email_from":true}
{"id":13,$T,"model":5}
{"id":14,$T,"message_type":{}}
{"id":15,$T,"author_id":[3,"Anna",1],"subtype_id":[2],"message_type":"comment"}
X
pulse-extract odoo --no-default-rules --on-error=skip in.ndjson
