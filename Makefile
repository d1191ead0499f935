# Visnyk: `make` builds the release binary; `sudo make install` installs it, the systemd unit
# and the configuration (kept if it exists); `sudo make uninstall` removes binary and unit.
# Packagers: make install PREFIX=/usr DESTDIR=/path/to/root

PREFIX ?= /usr/local
DESTDIR ?=
BINDIR ?= $(PREFIX)/bin
UNITDIR ?= $(PREFIX)/lib/systemd/system
SYSCONFDIR ?= /etc
# Where the unit's StateDirectory=visnyk lives: state and spool go there.
STATEDIR ?= /var/lib/visnyk
BINARY ?= .build/release/visnyk
EXAMPLE_CONFIG ?= config/visnyk.example.toml
SWIFT ?= swift

.PHONY: all build install uninstall

all: build

build:
	$(SWIFT) build -c release --product visnyk

install:
	@test -x "$(BINARY)" || { echo "make install: $(BINARY) is missing: run 'make' first (as yourself), or pass BINARY=path" >&2; exit 1; }
	@test -f "$(EXAMPLE_CONFIG)" || { echo "make install: $(EXAMPLE_CONFIG) is missing" >&2; exit 1; }
	install -d -m 0755 "$(DESTDIR)$(BINDIR)" "$(DESTDIR)$(UNITDIR)" "$(DESTDIR)$(SYSCONFDIR)/visnyk"
	install -m 0755 "$(BINARY)" "$(DESTDIR)$(BINDIR)/visnyk"
	sed -e 's|/usr/local/bin/visnyk|$(BINDIR)/visnyk|g' -e 's|/etc/visnyk/|$(SYSCONFDIR)/visnyk/|g' \
		systemd/visnyk.service > "$(DESTDIR)$(UNITDIR)/visnyk.service.tmp"
	chmod 0644 "$(DESTDIR)$(UNITDIR)/visnyk.service.tmp"
	mv -f "$(DESTDIR)$(UNITDIR)/visnyk.service.tmp" "$(DESTDIR)$(UNITDIR)/visnyk.service"
	@if [ -e "$(DESTDIR)$(SYSCONFDIR)/visnyk/visnyk.toml" ]; then \
		echo "make install: keeping the existing $(DESTDIR)$(SYSCONFDIR)/visnyk/visnyk.toml"; \
	else \
		awk -v state="$(STATEDIR)" -v spool="$(STATEDIR)/spool" -f systemd/service-config.awk "$(EXAMPLE_CONFIG)" \
			> "$(DESTDIR)$(SYSCONFDIR)/visnyk/visnyk.toml.tmp" && \
		chmod 0644 "$(DESTDIR)$(SYSCONFDIR)/visnyk/visnyk.toml.tmp" && \
		mv "$(DESTDIR)$(SYSCONFDIR)/visnyk/visnyk.toml.tmp" "$(DESTDIR)$(SYSCONFDIR)/visnyk/visnyk.toml" && \
		echo "make install: wrote $(DESTDIR)$(SYSCONFDIR)/visnyk/visnyk.toml: add your sources there"; \
	fi
	@if [ -z "$(DESTDIR)" ] && [ -d /run/systemd/system ]; then systemctl daemon-reload; fi

uninstall:
	rm -f "$(DESTDIR)$(BINDIR)/visnyk" "$(DESTDIR)$(UNITDIR)/visnyk.service"
	@echo "make uninstall: kept $(SYSCONFDIR)/visnyk/ and the state in $(STATEDIR)"
