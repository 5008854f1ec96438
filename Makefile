# Two commands do all set-up on a fresh machine: `make demo` and `make test`.
VENV   := .venv
PY     := $(VENV)/bin/python
UNKG   := $(VENV)/bin/unkg
STAMP  := $(VENV)/.installed-stamp
STORE  := unkg-store

.PHONY: demo test system-deps clean

$(STAMP): pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $(STAMP)

# Debian packages the tests use (an independent RDF parser, a browser, a second triple store).
# Installed only when missing and when we can (root with apt-get); tests skip with a clear message otherwise.
system-deps:
	@bash scripts/system-deps.sh

demo: $(STAMP)
	$(UNKG) build data/zh/A_74_400.txt --symbol A/74/400 --store $(STORE)
	$(UNKG) build data/en/*.txt data/en/ga-res-80/*.md --store $(STORE)
	$(UNKG) validate --store $(STORE)
	$(UNKG) viz --store $(STORE) --view overview -o unkg-network.html
	@echo "Store: ./$(STORE)   Network page: ./unkg-network.html"

test: $(STAMP) system-deps
	$(PY) -m pytest

clean:
	rm -rf $(STORE) unkg-network.html tests/artifacts .pytest_cache
