# CloudStream redirect of kubectl logs, exec and attach to edge pods, in every family the edges report: see
# ${script}. Started by dualstack-stream-redirect.timer at boot and every ${intervalSeconds} seconds, so that a new
# CloudCore instance (a new tunnel port or address in ConfigMap kubeedge/tunnelport) is picked up.
#
# Install: /etc/systemd/system/dualstack-stream-redirect.service, then
#   systemctl daemon-reload && systemctl enable --now dualstack-stream-redirect.timer
[Unit]
Description=dualstack: CloudStream redirect rules for kubectl logs and exec to edge pods
After=network-online.target kubelet.service
Wants=network-online.target

[Service]
Type=oneshot
ExecStart=${script} apply
