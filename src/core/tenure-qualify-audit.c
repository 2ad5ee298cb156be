/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The qualification audit and threshold simulation of METRICS.md section 8, and suggested points. */

#define G_LOG_DOMAIN "tenure-qualify"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "tenure-qualify-private.h"

/* The month index of an ISO date in SQL, as TENURE_MONTH () computes it. */
#define SQL_MONTH(column) \
  "(CAST (substr (" column ", 1, 4) AS INTEGER) * 12 + CAST (substr (" column ", 6, 2) AS INTEGER) - 1)"

/* Per option: how many accounts of each group chose it. */
typedef struct
{
  guint top;
  guint bottom;
} OptionCounts;

static void
audit_question_free (TenureAuditQuestion *question)
{
  for (guint i = 0; i < question->options->len; i++)
    g_free (g_array_index (question->options, TenureAuditOption, i).text);
  g_array_unref (question->options);
  g_free (question->text);
  g_free (question);
}

static void
audit_account_clear (TenureAuditAccount *account)
{
  g_free (account->external_id);
}

void
tenure_audit_free (TenureAudit *audit)
{
  if (audit == NULL)
    return;

  g_clear_pointer (&audit->questions, g_ptr_array_unref);
  g_clear_pointer (&audit->thresholds, g_array_unref);
  g_clear_pointer (&audit->accounts, g_array_unref);
  g_free (audit);
}

/* Folds one account's subscription months (sorted by start) into the audit figures.
 * Returns FALSE when the account never had MRR > 0. */
static gboolean
summarize_account (TenureAuditAccount *account,
                   const int          *starts,
                   const int          *ends,
                   const gint64       *amounts,
                   guint               n,
                   int                 month)
{
  int run_start = 0;
  int run_end = 0;
  gboolean in_run = FALSE;

  account->cohort = G_MAXINT;
  account->months_paid = 0;
  account->mrr_cents = 0;
  account->retained12 = 0;

  for (guint i = 0; i < n; i++)
    account->cohort = MIN (account->cohort, starts[i]);
  if (account->cohort == G_MAXINT)
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      /* The union of [start, end) up to the audit month, runs merged as they come. */
      if (in_run && starts[i] <= run_end)
        run_end = MAX (run_end, ends[i]);
      else
        {
          if (in_run)
            account->months_paid += MAX (0, MIN (run_end, month + 1) - run_start);
          run_start = starts[i];
          run_end = ends[i];
          in_run = TRUE;
        }

      if (starts[i] <= month && month < ends[i])
        account->mrr_cents += amounts[i];
      if (starts[i] <= account->cohort + 12 && account->cohort + 12 < ends[i])
        account->retained12 = 1;
    }
  if (in_run)
    account->months_paid += MAX (0, MIN (run_end, month + 1) - run_start);

  if (account->cohort > month - 12)
    account->retained12 = -1;

  return TRUE;
}

/* Reads the accounts with at least one answer and a cohort at least 6 months before
 * @month, with their retention figures: one query over their subscriptions. */
static GArray *
read_population (TenureDb  *db,
                 int        month,
                 GError   **error)
{
  g_autoptr(GArray) accounts = g_array_new (FALSE, TRUE, sizeof (TenureAuditAccount));
  g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GArray) ends = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GArray) amounts = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *external_id = NULL;
  gint64 account_id = 0;
  sqlite3_stmt *stmt;
  int rc;

  g_array_set_clear_func (accounts, (GDestroyNotify) audit_account_clear);

  stmt = tenure_db_prepare (db,
                            "SELECT s.account_id, a.external_id, " SQL_MONTH ("s.start_date") ", "
                            "  CASE WHEN s.end_date IS NULL THEN NULL ELSE " SQL_MONTH ("s.end_date")
                            "  END, s.mrr_cents "
                            "FROM subscription s JOIN account a ON a.id = s.account_id "
                            "WHERE s.mrr_cents > 0 "
                            "  AND s.account_id IN (SELECT account_id FROM answer) "
                            "ORDER BY s.account_id, 3", error);
  if (stmt == NULL)
    return NULL;

  for (;;)
    {
      rc = sqlite3_step (stmt);
      if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        {
          sqlite3_reset (stmt);
          tenure_db_set_error (db, rc, error);
          return NULL;
        }

      if (rc == SQLITE_DONE || sqlite3_column_int64 (stmt, 0) != account_id)
        {
          TenureAuditAccount account = { 0 };

          if (account_id != 0 &&
              summarize_account (&account, (int *) starts->data, (int *) ends->data,
                                 (gint64 *) amounts->data, starts->len, month) &&
              account.cohort <= month - 6)
            {
              account.account_id = account_id;
              account.external_id = g_steal_pointer (&external_id);
              g_array_append_val (accounts, account);
            }
          if (rc == SQLITE_DONE)
            break;

          account_id = sqlite3_column_int64 (stmt, 0);
          g_free (external_id);
          external_id = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
          g_array_set_size (starts, 0);
          g_array_set_size (ends, 0);
          g_array_set_size (amounts, 0);
        }

      {
        int start = sqlite3_column_int (stmt, 2);
        int end = sqlite3_column_type (stmt, 3) == SQLITE_NULL ? G_MAXINT
                                                               : sqlite3_column_int (stmt, 3);
        gint64 amount = sqlite3_column_int64 (stmt, 4);

        /* A subscription starting and ending in the same month is never at a month's end. */
        if (end > start)
          {
            g_array_append_val (starts, start);
            g_array_append_val (ends, end);
            g_array_append_val (amounts, amount);
          }
      }
    }
  sqlite3_reset (stmt);

  return g_steal_pointer (&accounts);
}

/* Best-retained first: months with MRR > 0 up to the month, then MRR at the month
 * (both descending), then external id (ascending). */
static int
compare_retention (gconstpointer a,
                   gconstpointer b)
{
  const TenureAuditAccount *x = a;
  const TenureAuditAccount *y = b;

  if (x->months_paid != y->months_paid)
    return x->months_paid > y->months_paid ? -1 : 1;
  if (x->mrr_cents != y->mrr_cents)
    return x->mrr_cents > y->mrr_cents ? -1 : 1;
  return strcmp (x->external_id, y->external_id);
}

/* Scores the population and counts each option's choices in both groups. */
static gboolean
read_answers (TenureDb      *db,
              TenureAudit   *audit,
              GHashTable    *counts,
              GError       **error)
{
  g_autoptr(GHashTable) index = g_hash_table_new (g_int64_hash, g_int64_equal);
  sqlite3_stmt *stmt;
  int rc;

  for (guint i = 0; i < audit->accounts->len; i++)
    {
      TenureAuditAccount *account = &g_array_index (audit->accounts, TenureAuditAccount, i);

      g_hash_table_insert (index, &account->account_id, account);
    }

  stmt = tenure_db_prepare (db,
                            "SELECT DISTINCT a.account_id, a.option_id, o.points "
                            "FROM answer a JOIN option o ON o.id = a.option_id", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 account_id = sqlite3_column_int64 (stmt, 0);
      gint64 option_id = sqlite3_column_int64 (stmt, 1);
      TenureAuditAccount *account = g_hash_table_lookup (index, &account_id);
      OptionCounts *count;

      if (account == NULL)
        continue;
      account->score += sqlite3_column_int (stmt, 2);
      if (account->group == TENURE_AUDIT_GROUP_NONE)
        continue;

      count = g_hash_table_lookup (counts, &option_id);
      if (count == NULL)
        {
          gint64 *key = g_new (gint64, 1);

          *key = option_id;
          count = g_new0 (OptionCounts, 1);
          g_hash_table_insert (counts, key, count);
        }
      if (account->group & TENURE_AUDIT_GROUP_TOP)
        count->top++;
      if (account->group & TENURE_AUDIT_GROUP_BOTTOM)
        count->bottom++;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return tenure_db_set_error (db, rc, error);

  return TRUE;
}

/* Points proportional to the log of the lift: lift 2 is worth +5, 1/2 is worth −5. */
static void
suggest_points (TenureAuditOption *option)
{
  double points;

  option->has_suggestion = option->has_lift &&
                           option->top_count + option->bottom_count >=
                           TENURE_QUALIFY_SUGGESTION_MIN_ANSWERS;
  if (!option->has_suggestion)
    return;

  if (option->lift <= 0)
    points = TENURE_QUALIFY_SUGGESTION_MIN;
  else
    points = round (5.0 * log2 (option->lift));
  option->suggested_points = (int) CLAMP (points, TENURE_QUALIFY_SUGGESTION_MIN,
                                          TENURE_QUALIFY_SUGGESTION_MAX);
}

static GPtrArray *
build_questions (TenureDb     *db,
                 TenureAudit  *audit,
                 GHashTable   *counts,
                 GError      **error)
{
  g_autoptr(GPtrArray) stored = tenure_qualify_list_questions (db, error);
  g_autoptr(GPtrArray) questions = NULL;

  if (stored == NULL)
    return NULL;

  questions = g_ptr_array_new_with_free_func ((GDestroyNotify) audit_question_free);
  for (guint i = 0; i < stored->len; i++)
    {
      TenureQuestion *source = g_ptr_array_index (stored, i);
      TenureAuditQuestion *question = g_new0 (TenureAuditQuestion, 1);

      question->question_id = source->id;
      question->text = g_strdup (source->text);
      question->kind = source->kind;
      question->active = source->active;
      question->options = g_array_sized_new (FALSE, TRUE, sizeof (TenureAuditOption),
                                             source->options->len);
      for (guint k = 0; k < source->options->len; k++)
        {
          TenureOption *stored_option = g_ptr_array_index (source->options, k);
          OptionCounts *count = g_hash_table_lookup (counts, &stored_option->id);
          TenureAuditOption option = { 0 };

          option.option_id = stored_option->id;
          option.text = g_strdup (stored_option->text);
          option.points = stored_option->points;
          option.top_count = count != NULL ? count->top : 0;
          option.bottom_count = count != NULL ? count->bottom : 0;
          option.has_shares = audit->group_size > 0;
          if (option.has_shares)
            {
              option.share_top_pct = 100.0 * option.top_count / audit->group_size;
              option.share_bottom_pct = 100.0 * option.bottom_count / audit->group_size;
            }
          /* Both groups have the same size: the ratio of shares is the ratio of counts. */
          option.has_lift = option.has_shares && option.bottom_count > 0;
          if (option.has_lift)
            option.lift = (double) option.top_count / option.bottom_count;
          suggest_points (&option);
          g_array_append_val (question->options, option);
        }
      g_ptr_array_add (questions, question);
    }

  return g_steal_pointer (&questions);
}

static int
compare_scores (gconstpointer a,
                gconstpointer b)
{
  const TenureAuditAccount *x = *(const TenureAuditAccount * const *) a;
  const TenureAuditAccount *y = *(const TenureAuditAccount * const *) b;

  return (x->score > y->score) - (x->score < y->score);
}

static void
fill_retention (TenureThresholdRow *row,
                guint               kept,
                guint               kept_eligible,
                guint               kept_retained,
                guint               population,
                guint               all_eligible,
                guint               all_retained)
{
  row->kept = kept;
  row->has_kept_pct = population > 0;
  row->kept_pct = population > 0 ? 100.0 * kept / population : 0;
  row->has_retention12_kept = kept_eligible > 0;
  row->retention12_kept_pct = kept_eligible > 0 ? 100.0 * kept_retained / kept_eligible : 0;
  row->has_retention12_all = all_eligible > 0;
  row->retention12_all_pct = all_eligible > 0 ? 100.0 * all_retained / all_eligible : 0;
}

/* One row per distinct score, ascending, in one pass over the accounts sorted by score. */
static GArray *
build_thresholds (TenureAudit *audit)
{
  g_autoptr(GPtrArray) by_score = g_ptr_array_sized_new (audit->accounts->len);
  GArray *rows = g_array_new (FALSE, TRUE, sizeof (TenureThresholdRow));
  guint n = audit->accounts->len;
  guint all_eligible = 0;
  guint all_retained = 0;
  guint below_eligible = 0;
  guint below_retained = 0;
  gint64 below_mrr = 0;

  for (guint i = 0; i < n; i++)
    {
      TenureAuditAccount *account = &g_array_index (audit->accounts, TenureAuditAccount, i);

      g_ptr_array_add (by_score, account);
      all_eligible += account->retained12 >= 0;
      all_retained += account->retained12 == 1;
    }
  g_ptr_array_sort (by_score, compare_scores);

  for (guint i = 0; i < n; i++)
    {
      TenureAuditAccount *account = g_ptr_array_index (by_score, i);

      if (i == 0 || account->score != ((TenureAuditAccount *) g_ptr_array_index (by_score, i - 1))->score)
        {
          TenureThresholdRow row = { 0 };

          row.threshold = account->score;
          row.mrr_rejected_cents = below_mrr;
          fill_retention (&row, n - i, all_eligible - below_eligible,
                          all_retained - below_retained, n, all_eligible, all_retained);
          g_array_append_val (rows, row);
        }
      below_mrr += account->mrr_cents;
      below_eligible += account->retained12 >= 0;
      below_retained += account->retained12 == 1;
    }

  return rows;
}

/**
 * tenure_audit_simulate:
 *
 * The simulation row for any @threshold (not only the scores of the population).
 */
void
tenure_audit_simulate (const TenureAudit  *audit,
                       int                 threshold,
                       TenureThresholdRow *row)
{
  guint kept = 0;
  guint kept_eligible = 0;
  guint kept_retained = 0;
  guint all_eligible = 0;
  guint all_retained = 0;

  memset (row, 0, sizeof *row);
  row->threshold = threshold;
  for (guint i = 0; i < audit->accounts->len; i++)
    {
      const TenureAuditAccount *account = &g_array_index (audit->accounts, TenureAuditAccount, i);

      all_eligible += account->retained12 >= 0;
      all_retained += account->retained12 == 1;
      if (account->score >= threshold)
        {
          kept++;
          kept_eligible += account->retained12 >= 0;
          kept_retained += account->retained12 == 1;
        }
      else
        row->mrr_rejected_cents += account->mrr_cents;
    }
  fill_retention (row, kept, kept_eligible, kept_retained, audit->accounts->len,
                  all_eligible, all_retained);
}

/**
 * tenure_audit_compute:
 * @month: the audit month, a TENURE_MONTH ()
 *
 * Computes the audit of METRICS.md section 8: the population, its best-retained and
 * fastest-churning groups, each option's shares, lift and suggested points, and the
 * threshold simulation for every distinct score of the population.
 */
TenureAudit *
tenure_audit_compute (TenureDb            *db,
                      int                  month,
                      TenureProgressFunc   progress,
                      gpointer             user_data,
                      GCancellable        *cancellable,
                      GError             **error)
{
  g_autoptr(TenureAudit) audit = g_new0 (TenureAudit, 1);
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  guint n;

  g_return_val_if_fail (db != NULL, NULL);

  audit->month = month;
  if (progress != NULL)
    progress (0.0, user_data);

  audit->accounts = read_population (db, month, error);
  if (audit->accounts == NULL || g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  if (progress != NULL)
    progress (0.6, user_data);

  g_array_sort (audit->accounts, compare_retention);
  n = audit->accounts->len;
  audit->population = n;
  audit->group_size = (n + 4) / 5;   /* ⌈20 % × n⌉ without floating point */
  for (guint i = 0; i < n; i++)
    {
      TenureAuditAccount *account = &g_array_index (audit->accounts, TenureAuditAccount, i);

      if (i < audit->group_size)
        account->group |= TENURE_AUDIT_GROUP_TOP;
      if (i >= n - audit->group_size)
        account->group |= TENURE_AUDIT_GROUP_BOTTOM;
    }

  if (!read_answers (db, audit, counts, error) ||
      g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  if (progress != NULL)
    progress (0.9, user_data);

  audit->questions = build_questions (db, audit, counts, error);
  if (audit->questions == NULL)
    return NULL;
  audit->thresholds = build_thresholds (audit);

  if (progress != NULL)
    progress (1.0, user_data);

  return g_steal_pointer (&audit);
}

typedef struct
{
  char *path;
  int   month;
} ComputeData;

/* The source tag of the task (a function pointer would not be ISO C as a gpointer). */
static const char compute_source_tag[] = "tenure_audit_compute_async";

static void
compute_data_free (ComputeData *data)
{
  g_free (data->path);
  g_free (data);
}

static void
compute_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  ComputeData *data = task_data;
  g_autoptr(TenureDb) db = NULL;
  GError *error = NULL;
  TenureAudit *audit;

  /* The worker reads through its own connection, never the caller's. */
  db = tenure_db_open (data->path, TENURE_DB_OPEN_READ_ONLY, &error);
  if (db == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  audit = tenure_audit_compute (db, data->month, NULL, NULL, cancellable, &error);
  if (audit == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, audit, (GDestroyNotify) tenure_audit_free);
}

/* Computes the audit in a worker thread with its own read-only connection. */
void
tenure_audit_compute_async (const char          *workspace_path,
                            int                  month,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ComputeData *data;

  g_return_if_fail (workspace_path != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, (gpointer) compute_source_tag);
  data = g_new0 (ComputeData, 1);
  data->path = g_strdup (workspace_path);
  data->month = month;
  g_task_set_task_data (task, data, (GDestroyNotify) compute_data_free);
  g_task_run_in_thread (task, compute_thread);
}

TenureAudit *
tenure_audit_compute_finish (GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == compute_source_tag, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * tenure_question_editor_apply_suggestions:
 *
 * Gives every option the audit has a suggestion for its suggested points, as one edit
 * that one undo reverts. Options deleted since the audit are skipped.
 */
gboolean
tenure_question_editor_apply_suggestions (TenureQuestionEditor  *self,
                                          const TenureAudit     *audit,
                                          guint                 *changed,
                                          GError               **error)
{
  TenureDb *db = tenure_question_editor_get_db (self);
  g_autoptr(QualifyEdit) edit = qualify_edit_new (_("Apply suggested points"));

  g_return_val_if_fail (audit != NULL, FALSE);

  if (changed != NULL)
    *changed = 0;
  if (!tenure_db_begin (db, error))
    return FALSE;

  for (guint i = 0; i < audit->questions->len; i++)
    {
      TenureAuditQuestion *question = g_ptr_array_index (audit->questions, i);
      g_autoptr(GPtrArray) options = qualify_read_options (db, question->question_id, error);

      if (options == NULL)
        {
          tenure_db_rollback (db);
          return FALSE;
        }

      for (guint k = 0; k < question->options->len; k++)
        {
          TenureAuditOption *suggested = &g_array_index (question->options, TenureAuditOption, k);

          if (!suggested->has_suggestion)
            continue;
          for (guint j = 0; j < options->len; j++)
            {
              QualifyRow *row = g_ptr_array_index (options, j);
              QualifyRow *after;

              if (row->id != suggested->option_id || row->points == suggested->suggested_points)
                continue;
              after = qualify_row_copy (row);
              after->points = suggested->suggested_points;
              qualify_edit_add (edit, qualify_row_copy (row), after);
            }
        }
    }

  if (changed != NULL)
    *changed = edit->befores->len;
  return qualify_editor_finish_edit (self, g_steal_pointer (&edit), error);
}
