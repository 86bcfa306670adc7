"""Session 58 (review R1 of helper H's `baselines._latest_lists` rows left out for a hamlet new
in the plan): a hamlet the plan renamed within the year is no new hamlet. Found by the
oracles' bands of this review: H's rule took a hamlet no month before named *under its name
now* for one new in the plan, so a hamlet renamed mid-year and compared with the start list
left out of its start the households another list of last month counted, and their move out
of it was lost. Seeds the oracles (written from the contract, not the pipeline) agreed on
before H's change and differed on after it:

* `python -m tests.test_session38_oracle 1943 1 --renames`: 2024-07, Tân Kè (renamed) near-poor
  start 5 where the oracle has 6 and moved out 0 where it has 1 (the commune's too);
* `python -m tests.test_session42_oracle_mergers 1133 1`: 2024-06, Nà Mòn Mới (renamed at the
  merger) poor start 14, moved out 0 where the oracle has 16 and 2; near-poor start 16,
  exited 6 where it has 17 and 7.

Both agree again (no differences)."""

from __future__ import annotations

from tests.test_session38_oracle import run_scenario
from tests.test_session42_oracle_mergers import run_scenario as run_merged


def test_a_hamlet_renamed_mid_year_keeps_its_start_households_seed_1943(tmp_path):
    assert run_scenario(1943, tmp_path, True) == []


def test_a_hamlet_renamed_at_a_merger_keeps_its_start_households_seed_1133(tmp_path):
    assert run_merged(1133, tmp_path) == []
