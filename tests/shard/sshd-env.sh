# sshd-env.sh - two sshd on 127.0.0.1 for the pulse-shard --hosts tests,
# sourced by a case (tests/run.sh runs it in a fresh directory).
#
#   sshd_start N     starts N sshd (ports picked free), with a host key and
#                    a client key made here; writes ssh_config (Host h1..hN)
#                    and hosts (one sshlogin a line, as pulse-shard --hosts
#                    takes them); skips the case (77) when there is no sshd
#   sshd_stop        stops them (trap it)
#
# The servers run as the user running the test and accept only the key
# made here: nothing outside this directory is read or changed.
sshd_pids=()
sshd_start() {
	local n=$1 i port sshd
	sshd=$(command -v sshd || echo /usr/sbin/sshd)
	if [ ! -x "$sshd" ]; then
		echo "no sshd (Debian: openssh-server): skipped" >&2
		exit 77
	fi
	command -v ssh >/dev/null || { echo "no ssh (Debian: openssh-client): skipped" >&2; exit 77; }
	# root's sshd wants its privilege separation directory
	[ "$(id -u)" != 0 ] || mkdir -p /run/sshd
	ssh-keygen -q -t ed25519 -N '' -f "$PWD/host_key"
	ssh-keygen -q -t ed25519 -N '' -f "$PWD/client_key"
	cp client_key.pub authorized_keys
	: >ssh_config
	: >hosts
	for ((i = 1; i <= n; i++)); do
		port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
		cat >"sshd_config$i" <<EOC
ListenAddress 127.0.0.1
Port $port
HostKey $PWD/host_key
PidFile $PWD/sshd$i.pid
AuthorizedKeysFile $PWD/authorized_keys
PasswordAuthentication no
KbdInteractiveAuthentication no
PubkeyAuthentication yes
StrictModes no
UsePAM no
PermitRootLogin prohibit-password
AllowTcpForwarding no
X11Forwarding no
PrintMotd no
LogLevel INFO
EOC
		"$sshd" -D -e -f "$PWD/sshd_config$i" 2>>"sshd$i.log" &
		sshd_pids+=($!)
		cat >>ssh_config <<EOC
Host h$i
	HostName 127.0.0.1
	Port $port
	User $(id -un)
	IdentityFile $PWD/client_key
	IdentitiesOnly yes
	BatchMode yes
	StrictHostKeyChecking no
	UserKnownHostsFile /dev/null
	LogLevel ERROR
	ConnectTimeout 5
EOC
		echo "ssh -F $PWD/ssh_config h$i" >>hosts
	done
	# each answers before the case goes on
	for ((i = 1; i <= n; i++)); do
		local t
		for t in $(seq 50); do
			ssh -F ssh_config "h$i" true 2>/dev/null && break
			sleep 0.1
		done
		ssh -F ssh_config "h$i" true || { cat sshd*.log >&2; echo "sshd h$i does not answer" >&2; exit 70; }
	done
}
sshd_stop() {
	local p
	for p in ${sshd_pids[@]+"${sshd_pids[@]}"}; do
		kill "$p" 2>/dev/null || true
	done
	wait 2>/dev/null || true
}
