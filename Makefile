# Gugus: the two quick-start commands are `make site` and `make test`.
SWIFT ?= swift
NOW ?=

.PHONY: site test build release theme clean clients

## Build the sample site into public/ (installs missing Debian packages first).
site: release
	.build/release/gugus build . $(if $(NOW),--now $(NOW),)

## Run every test.
test:
	scripts/setup
	scripts/embed-theme --check || { echo "templates/ changed: run scripts/embed-theme"; exit 1; }
	$(SWIFT) build
	$(SWIFT) test
	$(MAKE) clients

release:
	scripts/setup
	$(SWIFT) build -c release --product gugus

build:
	scripts/setup
	$(SWIFT) build

## Check the built sample site with real clients: Nu checker, feed and calendar parsers, Chromium + axe.
clients:
	scripts/client-tests

## Rebuild the copy of templates/ that is compiled into the binary.
theme:
	scripts/embed-theme

clean:
	rm -rf .build public/*
