# Joins the edge nodes of the inventory ansible/inventory/ and verifies each from the cloud side, in batches:
#   ansible-playbook -i ansible/inventory/ ansible/edge-rollout.yaml [--limit GROUP] [-e dualstack_kubectl_host=HOST]
# Per node: copy its edge/NODE/ directory and the site's one edge/join.sh into it, run join.sh (a node without an
# edge certificate) or join.sh --config-only (a joined node whose edgecore.yaml differs from the generated one),
# then wait on the kubectl host (default: localhost) until the node is Ready with exactly its InternalIPs. A node already joined,
# with the generated edgecore.yaml and verified, is left as it is: rerun the playbook after a failure to resume.
# The join token is fetched with keadm gettoken on the kubectl host for each node that joins and passed to join.sh
# on its standard input; it is in no file, and no_log keeps it out of Ansible's output.
---
- name: Roll out the edge nodes
  hosts: ${edgeGroup}
  serial:
<#list batches as b>
    - ${b}
</#list>
  max_fail_percentage: ${maxFailPercentage}
  gather_facts: false
  become: true
  vars:
    dualstack_kubectl: "{{ dualstack_kubectl_host | default('localhost') }}"
    dualstack_dir: "{{ dualstack_remote_dir | default('/root/dualstack-edge') }}/{{ dualstack_node }}"
  tasks:
    - name: Copy the node's generated files
      ansible.builtin.copy:
        src: "{{ playbook_dir }}/../edge/{{ dualstack_node }}/"
        dest: "{{ dualstack_dir }}/"
        owner: root
        group: root
        mode: preserve

    - name: Copy the join script beside them (it reads the node's join.env there)
      ansible.builtin.copy:
        src: "{{ playbook_dir }}/../edge/join.sh"
        dest: "{{ dualstack_dir }}/join.sh"
        owner: root
        group: root
        mode: "0755"

    - name: Look for the node's edge certificate (it has joined)
      ansible.builtin.stat:
        path: /etc/kubeedge/certs/server.crt
      register: dualstack_certificate

    - name: Compare the installed edgecore.yaml with the generated one
      ansible.builtin.command:
        argv:
          - cmp
          - -s
          - /etc/kubeedge/config/edgecore.yaml
          - "{{ dualstack_dir }}/etc/kubeedge/config/edgecore.yaml"
      register: dualstack_config
      changed_when: false
      failed_when: false   # 1: they differ, 2: none installed; either way join.sh --config-only installs it
      when: dualstack_certificate.stat.exists

    - name: Fetch a join token on the kubectl host
      ansible.builtin.command:
        argv:
          - keadm
          - gettoken
      delegate_to: "{{ dualstack_kubectl }}"
      become: false
      register: dualstack_token
      changed_when: false
      no_log: true
      when: not dualstack_certificate.stat.exists

    - name: Join the node
      ansible.builtin.command:
        argv:
          - ./join.sh
          - --token-file
          - /dev/stdin
        chdir: "{{ dualstack_dir }}"
        stdin: "{{ dualstack_token.stdout }}"
      changed_when: true
      no_log: true
      when: not dualstack_certificate.stat.exists

    - name: Install the generated edgecore.yaml on the joined node
      ansible.builtin.command:
        argv:
          - ./join.sh
          - --config-only
        chdir: "{{ dualstack_dir }}"
      changed_when: true
      when: dualstack_certificate.stat.exists and dualstack_config.rc != 0

    - name: Wait until the node is Ready on the cloud side
      ansible.builtin.command:
        argv:
          - kubectl
          - wait
          - --for=condition=Ready
          - --timeout=${joinTimeoutSeconds}s
          - "node/{{ dualstack_node }}"
      delegate_to: "{{ dualstack_kubectl }}"
      become: false
      changed_when: false

    - name: Check that the node reports exactly its InternalIPs
      ansible.builtin.command:
        argv:
          - kubectl
          - get
          - node
          - "{{ dualstack_node }}"
          - -o
          - "jsonpath={range .status.addresses[?(@.type==\"InternalIP\")]}{.address}{\"\\n\"}{end}"
      delegate_to: "{{ dualstack_kubectl }}"
      become: false
      register: dualstack_addresses
      changed_when: false
      # every known address, and one more per family found on the node at join time
      until: >-
        dualstack_internal_ips | difference(dualstack_addresses.stdout_lines) | length == 0
        and dualstack_addresses.stdout_lines | length == (dualstack_internal_ips | length) + (dualstack_discovered | default(0) | int)
      retries: ${verifyRetries}
      delay: ${verifyDelaySeconds}
