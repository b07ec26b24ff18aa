# kubelet --node-ip for ${nodeName}: one address per family, primary first.
#
# Why a new variable and a new ExecStart: kubeadm's 10-kubeadm.conf builds the kubelet command line from
# $KUBELET_KUBEADM_ARGS (/var/lib/kubelet/kubeadm-flags.env) and $KUBELET_EXTRA_ARGS (/etc/default/kubelet or
# /etc/sysconfig/kubelet). Both come from EnvironmentFile=, which systemd lets override any Environment= line,
# so setting KUBELET_EXTRA_ARGS here would be silently replaced by the packaged, usually empty, value. This
# drop-in instead defines KUBELET_DUALSTACK_ARGS, which no environment file sets, and repeats the node's
# ExecStart with it appended last: every existing flag (including the user's KUBELET_EXTRA_ARGS) is kept, and
# for --node-ip the last occurrence wins, so this value takes effect even if an older --node-ip is set elsewhere.
# Drop-ins apply in file-name order, so 20-dualstack.conf comes after 10-kubeadm.conf.
#
# Install: /etc/systemd/system/kubelet.service.d/20-dualstack.conf, then
#   systemctl daemon-reload && systemctl restart kubelet
[Service]
Environment="KUBELET_DUALSTACK_ARGS=--node-ip=${nodeIp}"
ExecStart=
ExecStart=${execStart} $KUBELET_DUALSTACK_ARGS
