# no input at all: a whole report with zeros and "None." lists, exit 0
pulse-render < /dev/null
