# Gugus: the two quick-start commands are `make site` and `make test`.
SWIFT ?= swift
NOW ?=

.PHONY: site test build release theme clean clients fuzz dist dist-test bench bench-report bench-smoke bench-tools bench-images bench-images-smoke bench-search bench-search-smoke bench-network bench-network-smoke

## Build the sample site into public/ (installs missing Debian packages first).
site: release
	.build/release/gugus build . $(if $(NOW),--now $(NOW),)

## Run every test.
test:
	scripts/setup --test
	scripts/embed-theme --check || { echo "templates/ changed: run scripts/embed-theme"; exit 1; }
	$(SWIFT) build
	$(SWIFT) test
	$(MAKE) clients
	$(MAKE) fuzz
	$(MAKE) dist-test

release:
	scripts/setup
	$(SWIFT) build -c release --product gugus

build:
	scripts/setup
	$(SWIFT) build

## Check the built sample site with real clients: Nu checker, feed and calendar parsers, Chromium + axe.
clients:
	scripts/client-tests

## A bounded fuzz pass (libFuzzer + AddressSanitizer, FUZZ_SECONDS, default 60) over the input stages.
fuzz:
	scripts/fuzz $(or $(FUZZ_SECONDS),60)

## The Debian package dist/gugus_VERSION_amd64.deb: a static release build (the Swift runtime
## linked in), with its man page and shell completions (scripts/dist).
dist:
	scripts/dist

## Build the package, install it with apt, run the installed gugus from an empty folder with no
## Swift on PATH, then remove it (scripts/dist-test; run as root or with sudo).
dist-test: dist
	scripts/dist-test

## Benchmark Gugus against Hugo and cmark-gfm on synthetic sites of 1,000 and 10,000 files,
## each of the corpus shapes standard, simple and long (Benchmarks/README.md; not part of
## `make test`). GUGUS=path measures that binary instead.
bench: bench-tools
	Benchmarks/run --sizes 1000,10000 --runs 5 --gugus $(or $(GUGUS),.build-bench/release/gugus)

## The same on sites of 300 files (one of each shape), one run (fast, for CI).
bench-smoke: bench-tools
	Benchmarks/run --sizes 300 --runs 1 --results .build-bench/results-smoke.md --gugus $(or $(GUGUS),.build-bench/release/gugus)

## The image pipeline against Hugo's Resize: 50 photos of 12 megapixels, cold and warm
## (Benchmarks/images/README.md; not part of `make test`).
bench-images: bench-tools
	Benchmarks/images/run --gugus $(or $(GUGUS),.build-bench/release/gugus)

## The same on 3 photos of 2 megapixels, one run (fast, for CI).
bench-images-smoke: bench-tools
	Benchmarks/images/run --smoke --gugus $(or $(GUGUS),.build-bench/release/gugus)

## Site search against Pagefind in Chromium through nginx, on the 10,000-file corpus
## (Benchmarks/search/README.md; not part of `make test`).
bench-search: bench-tools
	Benchmarks/search/run --gugus $(or $(GUGUS),.build-bench/release/gugus)

## The same on 300 files, one run, two queries (fast, for CI).
bench-search-smoke: bench-tools
	Benchmarks/search/run --size 300 --runs 1 --query "perdagangan orang" --query "jenis kelamin" \
		--results .build-bench/search-results-smoke.md --gugus $(or $(GUGUS),.build-bench/release/gugus)

## `gugus report` on a year of the 10,000-file corpus: the HTML, and the PDF from nothing and
## again (Benchmarks/report/run; Chromium from Debian).
bench-report: bench-tools
	Benchmarks/report/run --gugus $(or $(GUGUS),.build-bench/release/gugus)

## A network of 550 regional sites served by nginx: `gugus sources update` and the
## national site's build with and without the snapshots (Benchmarks/network/README.md).
bench-network: bench-tools
	Benchmarks/network/run --gugus $(or $(GUGUS),.build-bench/release/gugus)

## The same with 20 sites, one run (fast, for CI).
bench-network-smoke: bench-tools
	Benchmarks/network/run --smoke --gugus $(or $(GUGUS),.build-bench/release/gugus)

bench-tools:
	scripts/setup
	Benchmarks/setup
	$(if $(GUGUS),,$(SWIFT) build -c release --product gugus --static-swift-stdlib --scratch-path .build-bench)

## Rebuild the copy of templates/ that is compiled into the binary.
theme:
	scripts/embed-theme

clean:
	rm -rf .build public/* .public.gugus-previous .public.gugus-files .public.gugus-previous-files
