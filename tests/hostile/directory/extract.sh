# every file pulse-extract reads may be a directory by mistake: 66
mkdir d
printf "id,name\n1,visit\n" >dict.csv
pulse-extract odoo d || echo "exit $?"
pulse-extract odoo --tickets d </dev/null || echo "exit $?"
pulse-extract odoo --staff-users d </dev/null || echo "exit $?"
pulse-extract bitrix d || echo "exit $?"
pulse-extract bitrix --users d </dev/null || echo "exit $?"
pulse-extract bitrix --statuses d </dev/null || echo "exit $?"
pulse-extract events --dict d </dev/null || echo "exit $?"
pulse-extract events --dict dict.csv d || echo "exit $?"
pulse-extract events --dict dict.csv --payments d </dev/null || echo "exit $?"
