# Turns the example configuration into the one the systemd unit runs with: state and spool in
# the unit's StateDirectory (/var/lib/visnyk), the only place a DynamicUser service may write
# (see visnyk.service). Top-level state_dir/spool_dir lines are replaced; missing ones are
# added at the top, where TOML's top-level keys go. Everything else is kept as written.
# Usage: awk -v state=/var/lib/visnyk -v spool=/var/lib/visnyk/spool -f service-config.awk FILE
BEGIN { note = "   # the StateDirectory of visnyk.service" }
/^[[:space:]]*\[/ { in_table = 1 }
!in_table && /^[[:space:]]*state_dir[[:space:]]*=/ { kept[++n] = "state_dir = \"" state "\""; have_state = 1; next }
!in_table && /^[[:space:]]*spool_dir[[:space:]]*=/ { kept[++n] = "spool_dir = \"" spool "\"" note; have_spool = 1; next }
{ kept[++n] = $0 }
END {
    if (!have_state) print "state_dir = \"" state "\""
    if (!have_spool) print "spool_dir = \"" spool "\"" note
    for (i = 1; i <= n; i++) print kept[i]
}
