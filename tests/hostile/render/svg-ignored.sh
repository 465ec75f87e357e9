# --chart metrics of metric, link and histogram records draws the metrics
# and says that it ignored the others, by kind (nothing was said before)
{
echo '{"kind":"metric","name":"m","day":"2025-03-01","value":3,"prev_day":null,"week_ago":null,"mean_7d":null}'
echo '{"kind":"link","step":1,"from":"a","to":"b","value":2}'
echo '{"kind":"link","step":2,"from":"b","to":"c","value":1}'
echo '{"kind":"histogram","field":"f","by":[],"key":[],"edges":[1],"counts":[1,2],"count":3,"sum":4,"null":0}'
} | pulse-render --format svg --chart metrics | grep -c '<rect '
