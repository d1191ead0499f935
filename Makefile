# Visnyk: `make` builds the release binary; `sudo make install` installs it, the systemd unit,
# the man pages, the shell completions and the configuration (kept if it exists);
# `sudo make uninstall` removes all but the configuration. `make deb` builds
# visnyk_VERSION_ARCH.deb (PREFIX=/usr, the unit in /lib/systemd/system).
# Packagers: make install PREFIX=/usr DESTDIR=/path/to/root

PREFIX ?= /usr/local
DESTDIR ?=
BINDIR ?= $(PREFIX)/bin
UNITDIR ?= $(PREFIX)/lib/systemd/system
SYSCONFDIR ?= /etc
MANDIR ?= $(PREFIX)/share/man
BASHCOMPDIR ?= $(PREFIX)/share/bash-completion/completions
# Debian's zsh reads vendor-completions under /usr, site-functions under /usr/local.
ZSHCOMPDIR ?= $(if $(filter /usr,$(PREFIX)),$(PREFIX)/share/zsh/vendor-completions,$(PREFIX)/share/zsh/site-functions)
FISHCOMPDIR ?= $(PREFIX)/share/fish/vendor_completions.d
# Where the unit's StateDirectory=visnyk lives: state and spool go there.
STATEDIR ?= /var/lib/visnyk
BINARY ?= .build/release/visnyk
EXAMPLE_CONFIG ?= config/visnyk.example.toml
SWIFT ?= swift
VERSION := $(shell sed -n 's/.*static let current = "\(.*\)".*/\1/p' Sources/VisnykKit/Model/VisnykVersion.swift)
DEB_ARCH ?= $(shell dpkg --print-architecture 2>/dev/null || echo amd64)
DEB ?= visnyk_$(VERSION)_$(DEB_ARCH).deb
DEB_ROOT ?= .build/deb/root

.PHONY: all build install uninstall deb deb-name

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
	install -d -m 0755 "$(DESTDIR)$(MANDIR)/man1" "$(DESTDIR)$(MANDIR)/man5"
	gzip -9n < man/visnyk.1 > "$(DESTDIR)$(MANDIR)/man1/visnyk.1.gz"
	gzip -9n < man/visnyk.toml.5 > "$(DESTDIR)$(MANDIR)/man5/visnyk.toml.5.gz"
	chmod 0644 "$(DESTDIR)$(MANDIR)/man1/visnyk.1.gz" "$(DESTDIR)$(MANDIR)/man5/visnyk.toml.5.gz"
	install -d -m 0755 "$(DESTDIR)$(BASHCOMPDIR)" "$(DESTDIR)$(ZSHCOMPDIR)" "$(DESTDIR)$(FISHCOMPDIR)"
	"$(BINARY)" --generate-completion-script bash > "$(DESTDIR)$(BASHCOMPDIR)/visnyk"
	"$(BINARY)" --generate-completion-script zsh > "$(DESTDIR)$(ZSHCOMPDIR)/_visnyk"
	"$(BINARY)" --generate-completion-script fish > "$(DESTDIR)$(FISHCOMPDIR)/visnyk.fish"
	chmod 0644 "$(DESTDIR)$(BASHCOMPDIR)/visnyk" "$(DESTDIR)$(ZSHCOMPDIR)/_visnyk" "$(DESTDIR)$(FISHCOMPDIR)/visnyk.fish"
	@if [ -z "$(DESTDIR)" ] && [ -d /run/systemd/system ]; then systemctl daemon-reload; fi

uninstall:
	rm -f "$(DESTDIR)$(BINDIR)/visnyk" "$(DESTDIR)$(UNITDIR)/visnyk.service" \
		"$(DESTDIR)$(MANDIR)/man1/visnyk.1.gz" "$(DESTDIR)$(MANDIR)/man5/visnyk.toml.5.gz" \
		"$(DESTDIR)$(BASHCOMPDIR)/visnyk" "$(DESTDIR)$(ZSHCOMPDIR)/_visnyk" "$(DESTDIR)$(FISHCOMPDIR)/visnyk.fish"
	@echo "make uninstall: kept $(SYSCONFDIR)/visnyk/ and the state in $(STATEDIR)"

# The Debian package, from the release binary (built first when BINARY is the default).
# Depends: the package of every shared library the binary loads (ldd + dpkg -S); the Swift
# runtime and Foundation are linked in (Package.swift), so no toolchain library is among them.
# The packaged binary is stripped: symbols and debug info are 40% of it (Swift's reflection
# metadata lives in sections of its own and stays).
deb: $(if $(filter .build/release/visnyk,$(BINARY)),build)
	@test -n "$(VERSION)" || { echo "make deb: no version in Sources/VisnykKit/Model/VisnykVersion.swift" >&2; exit 1; }
	rm -rf "$(DEB_ROOT)"
	$(MAKE) -s install PREFIX=/usr UNITDIR=/lib/systemd/system DESTDIR="$(abspath $(DEB_ROOT))" \
		BINARY="$(BINARY)" EXAMPLE_CONFIG="$(EXAMPLE_CONFIG)" >/dev/null
	strip "$(DEB_ROOT)/usr/bin/visnyk"
	install -d -m 0755 "$(DEB_ROOT)/usr/share/doc/visnyk/examples" "$(DEB_ROOT)/DEBIAN"
	install -m 0644 "$(EXAMPLE_CONFIG)" "$(DEB_ROOT)/usr/share/doc/visnyk/examples/visnyk.example.toml"
	install -m 0644 README.md "$(DEB_ROOT)/usr/share/doc/visnyk/README.md"
	depends=$$(packaging/deb-depends "$(DEB_ROOT)/usr/bin/visnyk") && \
	sed -e "s|@VERSION@|$(VERSION)|" -e "s|@ARCH@|$(DEB_ARCH)|" -e "s|@DEPENDS@|$$depends|" \
		-e "s|@SIZE@|$$(du -sk --exclude=DEBIAN "$(DEB_ROOT)" | cut -f1)|" \
		packaging/debian/control > "$(DEB_ROOT)/DEBIAN/control"
	install -m 0644 packaging/debian/conffiles "$(DEB_ROOT)/DEBIAN/conffiles"
	install -m 0755 packaging/debian/postinst packaging/debian/prerm packaging/debian/postrm "$(DEB_ROOT)/DEBIAN/"
	dpkg-deb --root-owner-group --build "$(DEB_ROOT)" "$(DEB)"
	@echo "make deb: built $(DEB)"

deb-name:
	@echo "$(DEB)"
