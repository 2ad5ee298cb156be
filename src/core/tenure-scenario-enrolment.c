/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Enrolments in scenarios, steps marked done, and automatic enrolment of a segment's signups. */

#define G_LOG_DOMAIN "tenure-scenario"

#include "config.h"

#include <glib/gi18n.h>

#include "tenure-date.h"
#include "tenure-scenario-private.h"

static gboolean
account_exists (TenureDb *db,
                gint64    account_id)
{
  sqlite3_stmt *stmt = tenure_db_prepare (db, "SELECT 1 FROM account WHERE id = ?", NULL);
  gboolean found;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, account_id);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);

  return found;
}

static gboolean
set_account_not_found (GError **error)
{
  g_set_error_literal (error, TENURE_SCENARIO_ERROR, TENURE_SCENARIO_ERROR_NOT_FOUND,
                       _("This account no longer exists in the workspace"));
  return FALSE;
}

/* Runs @sql on the rows of @account_id and @other_id (a scenario or a step), with the date
 * @day as the third parameter when it is given. */
static gboolean
exec_account_row (TenureDb      *db,
                  const char    *sql,
                  gint64         account_id,
                  gint64         other_id,
                  const gint32  *day,
                  GError       **error)
{
  sqlite3_stmt *stmt = tenure_db_prepare (db, sql, error);
  char date[TENURE_DATE_BUF];

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, account_id);
  sqlite3_bind_int64 (stmt, 2, other_id);
  if (day != NULL)
    {
      tenure_date_format (*day, date);
      sqlite3_bind_text (stmt, 3, date, -1, SQLITE_TRANSIENT);
    }

  return tenure_db_step_done (db, stmt, error);
}

static gboolean
step_exists (TenureDb *db,
             gint64    step_id)
{
  return tenure_scenario_get_step_scenario (db, step_id) != 0;
}

/* Upserts a dated row of progress (@sql: ?1 the account, ?2 @other_id, ?3 @day) once the
 * account and the scenario or step (@other_exists) are found to exist. */
static gboolean
record_progress (TenureDb     *db,
                 gboolean    (*other_exists) (TenureDb *db, gint64 id),
                 const char   *sql,
                 gint64        account_id,
                 gint64        other_id,
                 gint32        day,
                 GError      **error)
{
  gboolean owned;
  gboolean ok;

  if (!tenure_scenario_txn_begin (db, &owned, error))
    return FALSE;

  ok = other_exists (db, other_id) || tenure_scenario_set_not_found (error);
  ok = ok && (account_exists (db, account_id) || set_account_not_found (error));
  ok = ok && exec_account_row (db, sql, account_id, other_id, &day, error);

  return tenure_scenario_txn_end (db, owned, ok, error);
}

/* Enrols an account by hand, or moves the start of its enrolment. */
gboolean
tenure_scenario_enrol (TenureDb  *db,
                       gint64     scenario_id,
                       gint64     account_id,
                       gint32     started_on,
                       GError   **error)
{
  return record_progress (db, tenure_scenario_exists,
                          "INSERT INTO enrolment (account_id, scenario_id, started_on) "
                          "VALUES (?, ?, ?) "
                          "ON CONFLICT DO UPDATE SET started_on = excluded.started_on",
                          account_id, scenario_id, started_on, error);
}

/* Ends an enrolment and forgets the steps the account marked done in that scenario. */
gboolean
tenure_scenario_unenrol (TenureDb  *db,
                         gint64     scenario_id,
                         gint64     account_id,
                         GError   **error)
{
  gboolean owned;
  gboolean ok;

  if (!tenure_scenario_txn_begin (db, &owned, error))
    return FALSE;

  ok = exec_account_row (db,
                         "DELETE FROM step_done WHERE account_id = ? AND step_id IN "
                         "  (SELECT id FROM step WHERE scenario_id = ?)",
                         account_id, scenario_id, NULL, error) &&
       exec_account_row (db, "DELETE FROM enrolment WHERE account_id = ? AND scenario_id = ?",
                         account_id, scenario_id, NULL, error);

  return tenure_scenario_txn_end (db, owned, ok, error);
}

/* Records that the account did the step on @done_on, whatever its "done when" rule says. */
gboolean
tenure_step_mark_done (TenureDb  *db,
                       gint64     step_id,
                       gint64     account_id,
                       gint32     done_on,
                       GError   **error)
{
  return record_progress (db, step_exists,
                          "INSERT INTO step_done (account_id, step_id, done_on) "
                          "VALUES (?, ?, ?) "
                          "ON CONFLICT DO UPDATE SET done_on = excluded.done_on",
                          account_id, step_id, done_on, error);
}

gboolean
tenure_step_clear_done (TenureDb  *db,
                        gint64     step_id,
                        gint64     account_id,
                        GError   **error)
{
  gboolean owned;
  gboolean ok;

  if (!tenure_scenario_txn_begin (db, &owned, error))
    return FALSE;
  ok = exec_account_row (db, "DELETE FROM step_done WHERE account_id = ? AND step_id = ?",
                         account_id, step_id, NULL, error);

  return tenure_scenario_txn_end (db, owned, ok, error);
}

/**
 * tenure_scenario_apply_auto_enrolment:
 * @since: the first signup day to enrol (days since 1970-01-01)
 * @n_enrolled: (out) (optional): how many enrolments were made
 *
 * Automatic enrolment is applied only when this function is called, never behind the
 * caller's back: the GUI calls it when the manager switches it on (with the day chosen,
 * today by default) and after each import of accounts (with the first day of the
 * signups imported). For every active scenario with an auto_enrol_segment, it enrols
 * each account of that segment whose signup (signup_date, or the start of its first
 * subscription, METRICS.md section 6) is on or after @since and that is not enrolled in
 * that scenario yet; the enrolment starts on the signup day. Accounts already enrolled
 * keep their enrolment, so calling it twice changes nothing.
 */
gboolean
tenure_scenario_apply_auto_enrolment (TenureDb  *db,
                                      gint32     since,
                                      guint     *n_enrolled,
                                      GError   **error)
{
  char date[TENURE_DATE_BUF];
  sqlite3_stmt *stmt = NULL;
  gboolean owned;
  gboolean ok;
  int changes = 0;

  if (!tenure_scenario_txn_begin (db, &owned, error))
    return FALSE;

  ok = (stmt = tenure_db_prepare (db,
                                  "INSERT INTO enrolment (account_id, scenario_id, started_on) "
                                  "SELECT a.id, s.id, a.signup "
                                  "FROM scenario s JOIN ("
                                  "  SELECT id, segment, substr(coalesce(signup_date, "
                                  "    (SELECT min(start_date) FROM subscription "
                                  "     WHERE account_id = account.id)), 1, 10) AS signup "
                                  "  FROM account) a ON a.segment = s.auto_enrol_segment "
                                  "WHERE s.active AND a.signup >= ? "
                                  "  AND NOT EXISTS (SELECT 1 FROM enrolment e "
                                  "    WHERE e.account_id = a.id AND e.scenario_id = s.id)",
                                  error)) != NULL;
  if (ok)
    {
      tenure_date_format (since, date);
      sqlite3_bind_text (stmt, 1, date, -1, SQLITE_TRANSIENT);
      ok = tenure_db_step_done (db, stmt, error);
      changes = sqlite3_changes (tenure_db_get_handle (db));
    }

  ok = tenure_scenario_txn_end (db, owned, ok, error);
  if (n_enrolled != NULL)
    *n_enrolled = ok ? (guint) changes : 0;

  return ok;
}
