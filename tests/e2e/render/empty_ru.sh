# no input, in Russian: the zero forms ("0 тикетов") and the empty sections
pulse-render --lang ru < /dev/null | grep -E '^\*\*|^## |^### |^Нет|^1\.'
