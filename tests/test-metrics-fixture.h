/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Workspaces for the metrics tests: the worked example of METRICS.md section 9, through SQL. */
#pragma once

#include "tenure-db.h"
#include "tenure-test-util.h"

static inline void
test_sql (TenureDb   *db,
          const char *sql)
{
  g_autoptr(GError) error = NULL;

  tenure_db_exec (db, sql, &error);
  g_assert_no_error (error);
}

/* The data of /work/shared/samples/worked-example (accounts, subscriptions, spend and
 * responses), with account ids 1–4 for A–D. */
static inline void
test_fill_worked_example (TenureDb *db)
{
  test_sql (db,
            "INSERT INTO account (id, external_id, name, segment, plan, channel, owner,"
            " signup_date) VALUES"
            " (1, 'A', 'Atelier Durand', 'SMB', 'Pro', 'ads', 'Claire', '2026-01-05'),"
            " (2, 'B', 'Banque Lemoine', 'Enterprise', 'Business', 'referral', 'Hugo',"
            "  '2026-01-18'),"
            " (3, 'C', 'Cabinet Roux', 'SMB', 'Pro', 'ads', 'Claire', '2026-01-30'),"
            " (4, 'D', 'Distribution Nord', 'Mid-market', 'Business', 'referral', 'Hugo',"
            "  '2026-03-01');"
            "INSERT INTO subscription (account_id, start_date, end_date, mrr_cents) VALUES"
            " (1, '2026-01-10', NULL, 10000),"
            " (1, '2026-03-01', NULL, 3000),"
            " (2, '2026-01-20', '2026-03-05', 5000),"
            " (3, '2026-02-01', '2026-03-01', 20000),"
            " (3, '2026-04-15', NULL, 20000),"
            " (4, '2026-03-10', '2026-04-01', 8000),"
            " (4, '2026-04-01', NULL, 6000);"
            "INSERT INTO spend (month, channel, amount_cents) VALUES"
            " ('2026-01', 'ads', 30000), ('2026-02', 'ads', 30000),"
            " ('2026-03', 'ads', 30000), ('2026-04', 'ads', 30000);"
            "INSERT INTO response (answered_on, score, kind, account_id) VALUES"
            " ('2026-04-02', 10, 'nps', 1),"
            " ('2026-04-03', 9, 'nps', 3),"
            " ('2026-04-03', 9, 'nps', NULL),"
            " ('2026-04-05', 8, 'nps', NULL),"
            " ('2026-04-08', 7, 'nps', NULL),"
            " ('2026-04-09', 6, 'nps', 4),"
            " ('2026-04-12', 3, 'nps', NULL),"
            " ('2026-04-15', 10, 'nps', NULL),"
            " ('2026-04-20', 0, 'nps', NULL),"
            " ('2026-04-28', 9, 'nps', NULL),"
            " ('2026-04-10', 8, 'cli', 1),"
            " ('2026-04-11', 9, 'cli', 3),"
            " ('2026-04-12', 7, 'cli', 4),"
            " ('2026-04-13', 10, 'cli', NULL);");
}

/* A new workspace in @dir, optionally with the worked example. */
static inline TenureDb *
test_create_workspace (const char *dir,
                       const char *name,
                       gboolean    worked_example)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, name, NULL);
  TenureDb *db = tenure_db_open (path, TENURE_DB_OPEN_CREATE, &error);

  g_assert_no_error (error);
  if (worked_example)
    test_fill_worked_example (db);

  return db;
}
