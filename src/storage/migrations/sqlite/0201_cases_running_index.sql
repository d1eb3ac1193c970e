-- "Overdue" and "term running" lists look only at cases whose term still runs
-- (core/cases/CaseState.h termRuns()).  Those are a small, moving share of the
-- table; a partial index keeps their due-date order without scanning the
-- decided and closed years behind them.  Queries must repeat this exact
-- predicate (CaseRepository::list) for the planner to use the index.
CREATE INDEX cases_running_due_idx ON cases (due_date, id)
    WHERE state IN ('registered', 'sent-to-provider', 'under-review', 'awaiting-registry');
