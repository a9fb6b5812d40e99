# Entry points named in the README; each is a script under scripts/.
.PHONY: run test bench deps

run:
	scripts/run-demo.sh

test:
	scripts/test.sh

bench:
	scripts/bench-article.sh

deps:
	scripts/install-deps.sh --test --bench
