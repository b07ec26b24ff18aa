# Re-applies the CloudStream redirect rules (dualstack-stream-redirect.service) after boot and then every
# ${intervalSeconds} seconds; each run changes the rules only when CloudCore's tunnel ports or addresses changed.
#
# Install: /etc/systemd/system/dualstack-stream-redirect.timer, then
#   systemctl daemon-reload && systemctl enable --now dualstack-stream-redirect.timer
[Unit]
Description=dualstack: keep the CloudStream redirect rules current

[Timer]
OnBootSec=30
OnUnitActiveSec=${intervalSeconds}
AccuracySec=5

[Install]
WantedBy=timers.target
