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

/* The signup day of an account, as SQL: its signup_date, or the start of its first
 * subscription (METRICS.md section 6). */
#define SIGNUP_SQL \
  "substr(coalesce(a.signup_date, (SELECT min(start_date) FROM subscription " \
  "  WHERE account_id = a.id)), 1, 10)"

/* Runs @stmt (account id, signup day) and enrols each account of its rows that is not
 * enrolled in @scenario_id yet, from its signup day (or @fallback_day when it has none). */
static GArray *
enrol_rows (TenureDb      *db,
            gint64         scenario_id,
            sqlite3_stmt  *stmt,
            gint32         fallback_day,
            GError       **error)
{
  g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (TenureEnrolment));
  g_autoptr(GArray) enrolled = g_array_new (FALSE, FALSE, sizeof (TenureEnrolment));
  sqlite3_stmt *insert;
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TenureEnrolment row = { sqlite3_column_int64 (stmt, 0), fallback_day };
      const char *signup = (const char *) sqlite3_column_text (stmt, 1);

      if (signup != NULL && !tenure_date_parse (signup, &row.started_on))
        row.started_on = fallback_day;
      g_array_append_val (candidates, row);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      tenure_db_set_error (db, rc, error);
      return NULL;
    }

  insert = tenure_db_prepare (db,
                              "INSERT INTO enrolment (account_id, scenario_id, started_on) "
                              "VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                              error);
  if (insert == NULL)
    return NULL;
  for (guint i = 0; i < candidates->len; i++)
    {
      const TenureEnrolment *row = &g_array_index (candidates, TenureEnrolment, i);
      char date[TENURE_DATE_BUF];

      tenure_date_format (row->started_on, date);
      sqlite3_bind_int64 (insert, 1, row->account_id);
      sqlite3_bind_int64 (insert, 2, scenario_id);
      sqlite3_bind_text (insert, 3, date, -1, SQLITE_TRANSIENT);
      if (!tenure_db_step_done (db, insert, error))
        return NULL;
      if (sqlite3_changes (tenure_db_get_handle (db)) > 0)
        g_array_append_val (enrolled, *row);
    }

  return g_steal_pointer (&enrolled);
}

/**
 * tenure_scenario_enrol_segment:
 * @scenario_id: the scenario, active or not
 * @since: the first signup day to enrol (days since 1970-01-01)
 *
 * Applies the automatic enrolment of one scenario now, because the manager asked for it:
 * every account of the scenario's auto_enrol_segment whose signup is on or after @since
 * and that is not enrolled yet is enrolled from its signup day. Unlike
 * tenure_scenario_apply_auto_enrolment(), the scenario does not need to be active (the
 * manager chose these accounts; later imports enrol only into active scenarios). A
 * scenario enrolled by hand (no segment) enrols nobody.
 *
 * Returns: (transfer full): the enrolments made (TenureEnrolment), or NULL on error
 */
GArray *
tenure_scenario_enrol_segment (TenureDb  *db,
                               gint64     scenario_id,
                               gint32     since,
                               GError   **error)
{
  g_autoptr(GArray) enrolled = NULL;
  char date[TENURE_DATE_BUF];
  sqlite3_stmt *stmt = NULL;
  gboolean owned;
  gboolean ok;

  if (!tenure_scenario_txn_begin (db, &owned, error))
    return NULL;

  ok = tenure_scenario_exists (db, scenario_id) || tenure_scenario_set_not_found (error);
  ok = ok && (stmt = tenure_db_prepare (db,
                                        "SELECT a.id, " SIGNUP_SQL " AS signup "
                                        "FROM account a JOIN scenario s "
                                        "  ON s.id = ? AND a.segment = s.auto_enrol_segment "
                                        "WHERE signup >= ? AND NOT EXISTS (SELECT 1 "
                                        "  FROM enrolment e WHERE e.account_id = a.id "
                                        "  AND e.scenario_id = s.id) "
                                        "ORDER BY a.id",
                                        error)) != NULL;
  if (ok)
    {
      tenure_date_format (since, date);
      sqlite3_bind_int64 (stmt, 1, scenario_id);
      sqlite3_bind_text (stmt, 2, date, -1, SQLITE_TRANSIENT);
      enrolled = enrol_rows (db, scenario_id, stmt, since, error);
      ok = enrolled != NULL;
    }

  if (!tenure_scenario_txn_end (db, owned, ok, error))
    return NULL;

  return g_steal_pointer (&enrolled);
}

/**
 * tenure_scenario_enrol_accounts:
 * @account_ids: (array length=n_account_ids): the accounts to enrol
 * @today: the start of an account with neither a signup date nor a subscription
 *
 * Enrols accounts by hand, each from its signup day; accounts already enrolled keep
 * their enrolment. All or nothing: an account that does not exist refuses them all.
 *
 * Returns: (transfer full): the enrolments made (TenureEnrolment), or NULL on error
 */
GArray *
tenure_scenario_enrol_accounts (TenureDb      *db,
                                gint64         scenario_id,
                                const gint64  *account_ids,
                                guint          n_account_ids,
                                gint32         today,
                                GError       **error)
{
  g_autoptr(GArray) enrolled = g_array_new (FALSE, FALSE, sizeof (TenureEnrolment));
  sqlite3_stmt *stmt = NULL;
  gboolean owned;
  gboolean ok;

  if (!tenure_scenario_txn_begin (db, &owned, error))
    return NULL;

  ok = tenure_scenario_exists (db, scenario_id) || tenure_scenario_set_not_found (error);
  for (guint i = 0; ok && i < n_account_ids; i++)
    {
      g_autoptr(GArray) one = NULL;

      ok = (account_exists (db, account_ids[i]) || set_account_not_found (error)) &&
           (stmt = tenure_db_prepare (db,
                                      "SELECT a.id, " SIGNUP_SQL " FROM account a "
                                      "WHERE a.id = ? AND NOT EXISTS (SELECT 1 FROM "
                                      "  enrolment e WHERE e.account_id = a.id "
                                      "  AND e.scenario_id = ?)",
                                      error)) != NULL;
      if (!ok)
        break;
      sqlite3_bind_int64 (stmt, 1, account_ids[i]);
      sqlite3_bind_int64 (stmt, 2, scenario_id);
      one = enrol_rows (db, scenario_id, stmt, today, error);
      ok = one != NULL;
      if (ok)
        g_array_append_vals (enrolled, one->data, one->len);
    }

  if (!tenure_scenario_txn_end (db, owned, ok, error))
    return NULL;

  return g_steal_pointer (&enrolled);
}

/* Ends the enrolments of @enrolments (TenureEnrolment) in @scenario_id, with the steps those
 * accounts marked done in it: undoing tenure_scenario_enrol_segment() or _enrol_accounts(). */
gboolean
tenure_scenario_remove_enrolments (TenureDb      *db,
                                   gint64         scenario_id,
                                   const GArray  *enrolments,
                                   GError       **error)
{
  gboolean owned;
  gboolean ok = TRUE;

  if (!tenure_scenario_txn_begin (db, &owned, error))
    return FALSE;
  for (guint i = 0; ok && enrolments != NULL && i < enrolments->len; i++)
    ok = tenure_scenario_unenrol (db, scenario_id,
                                  g_array_index (enrolments, TenureEnrolment, i).account_id,
                                  error);

  return tenure_scenario_txn_end (db, owned, ok, error);
}

/* Makes the enrolments of @enrolments (TenureEnrolment) again: redoing an enrolment. */
gboolean
tenure_scenario_add_enrolments (TenureDb      *db,
                                gint64         scenario_id,
                                const GArray  *enrolments,
                                GError       **error)
{
  gboolean owned;
  gboolean ok = TRUE;

  if (!tenure_scenario_txn_begin (db, &owned, error))
    return FALSE;
  for (guint i = 0; ok && enrolments != NULL && i < enrolments->len; i++)
    {
      const TenureEnrolment *row = &g_array_index (enrolments, TenureEnrolment, i);

      ok = tenure_scenario_enrol (db, scenario_id, row->account_id, row->started_on, error);
    }

  return tenure_scenario_txn_end (db, owned, ok, error);
}

void
tenure_scenario_account_free (TenureScenarioAccount *account)
{
  if (account == NULL)
    return;

  g_free (account->external_id);
  g_free (account->name);
  g_free (account->segment);
  g_free (account);
}

/**
 * tenure_scenario_find_accounts:
 * @search: (nullable): words the name or the account id contains, case-insensitive
 * @limit: the most accounts returned
 *
 * The accounts a manager can enrol in @scenario_id by hand, for the picker: those
 * matching @search, newest signups first, each saying whether it is enrolled already.
 *
 * Returns: (transfer full) (element-type TenureScenarioAccount): the accounts, or NULL
 */
GPtrArray *
tenure_scenario_find_accounts (TenureDb     *db,
                               gint64        scenario_id,
                               const char   *search,
                               guint         limit,
                               GError      **error)
{
  g_autoptr(GPtrArray) accounts = g_ptr_array_new_with_free_func (
    (GDestroyNotify) tenure_scenario_account_free);
  g_autofree char *pattern = NULL;
  g_autofree char *stripped = g_strstrip (g_strdup (search != NULL ? search : ""));
  sqlite3_stmt *stmt;
  GString *escaped = g_string_new ("%");
  int rc;

  /* LIKE with the user's text taken literally. */
  for (const char *p = stripped; *p != '\0'; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (escaped, '\\');
      g_string_append_c (escaped, *p);
    }
  g_string_append_c (escaped, '%');
  pattern = g_string_free (escaped, FALSE);

  stmt = tenure_db_prepare (db,
                            "SELECT a.id, a.external_id, a.name, a.segment, " SIGNUP_SQL ", "
                            "  EXISTS (SELECT 1 FROM enrolment e WHERE e.account_id = a.id "
                            "    AND e.scenario_id = ?) "
                            "FROM account a "
                            "WHERE a.name LIKE ?2 ESCAPE '\\' OR a.external_id LIKE ?2 "
                            "  ESCAPE '\\' "
                            "ORDER BY 5 DESC, a.name, a.id LIMIT ?",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, scenario_id);
  sqlite3_bind_text (stmt, 2, pattern, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, limit);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TenureScenarioAccount *account = g_new0 (TenureScenarioAccount, 1);
      const char *signup = (const char *) sqlite3_column_text (stmt, 4);

      account->id = sqlite3_column_int64 (stmt, 0);
      account->external_id = tenure_scenario_column_text (stmt, 1);
      account->name = tenure_scenario_column_text (stmt, 2);
      account->segment = tenure_scenario_column_text (stmt, 3);
      if (signup == NULL || !tenure_date_parse (signup, &account->signup))
        account->signup = TENURE_SCENARIO_NO_DAY;
      account->enrolled = sqlite3_column_int (stmt, 5) != 0;
      g_ptr_array_add (accounts, account);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      tenure_db_set_error (db, rc, error);
      return NULL;
    }

  return g_steal_pointer (&accounts);
}
