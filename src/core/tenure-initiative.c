/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Initiative ROI: the MRR kept in the targeted group compared with the others, against cost. */

#define G_LOG_DOMAIN "tenure-initiative"

#include "config.h"

#include <glib/gi18n.h>

#include "tenure-date.h"
#include "tenure-initiative.h"
#include "tenure-metrics-private.h"

static void
initiative_roi_free (gpointer data)
{
  TenureInitiativeRoi *roi = data;

  g_free (roi->name);
  g_free (roi->segment);
  g_free (roi->notes);
  g_free (roi->scenario_name);
  g_clear_pointer (&roi->months, g_array_unref);
  g_free (roi);
}

static gboolean
parse_month (sqlite3_stmt *stmt,
             int           column,
             int          *month)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);
  char prefix[TENURE_MONTH_BUF];

  if (text == NULL)
    return FALSE;
  g_strlcpy (prefix, text, sizeof prefix);
  return tenure_month_parse (prefix, month);
}

static GPtrArray *
load_initiatives (TenureDb  *db,
                  GError   **error)
{
  g_autoptr(GPtrArray) initiatives = g_ptr_array_new_with_free_func (initiative_roi_free);
  sqlite3_stmt *stmt;
  int rc;

  stmt = tenure_db_prepare (db,
                            "SELECT i.id, i.name, i.cost_cents, i.start_month, i.end_month, "
                            "i.segment, i.scenario_id, i.notes, s.name FROM initiative i "
                            "LEFT JOIN scenario s ON s.id = i.scenario_id "
                            "ORDER BY i.start_month, i.name, i.id",
                            error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TenureInitiativeRoi *roi = g_new0 (TenureInitiativeRoi, 1);
      const char *segment = (const char *) sqlite3_column_text (stmt, 5);

      roi->id = sqlite3_column_int64 (stmt, 0);
      roi->name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      roi->cost_cents = sqlite3_column_int64 (stmt, 2);
      roi->segment = segment != NULL && *segment != '\0' ? g_strdup (segment) : NULL;
      roi->scenario_id = sqlite3_column_int64 (stmt, 6);
      roi->notes = g_strdup ((const char *) sqlite3_column_text (stmt, 7));
      roi->scenario_name = g_strdup ((const char *) sqlite3_column_text (stmt, 8));
      roi->months = g_array_new (FALSE, TRUE, sizeof (TenureInitiativeMonth));
      roi->roi_pct = NAN;
      if (!parse_month (stmt, 3, &roi->start_month) || !parse_month (stmt, 4, &roi->end_month))
        {
          /* The editors only write valid months: ignore anything else rather than fail. */
          initiative_roi_free (roi);
          continue;
        }
      g_ptr_array_add (initiatives, roi);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      tenure_db_set_error (db, rc, error);
      return NULL;
    }

  return g_steal_pointer (&initiatives);
}

/* The month of each account's enrolment in @scenario_id, 0 when not enrolled. */
static gboolean
load_enrolments (TenureModel  *model,
                 gint64        scenario_id,
                 int          *enrolled,
                 GError      **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = tenure_db_prepare (model->db,
                            "SELECT account_id, started_on FROM enrolment WHERE scenario_id = ?",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, scenario_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int index = tenure_model_index (model, sqlite3_column_int64 (stmt, 0));
      gint32 day;

      if (index >= 0 && tenure_date_parse ((const char *) sqlite3_column_text (stmt, 1), &day))
        enrolled[index] = tenure_month_of_day (day);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return tenure_db_set_error (model->db, rc, error);

  return TRUE;
}

static gboolean
compute_roi (TenureModel          *model,
             TenureInitiativeRoi  *roi,
             int                   month,
             GError              **error)
{
  g_autofree int *enrolled = g_new0 (int, MAX (model->n_accounts, 1));
  int last = MIN (roi->end_month, month);

  if (roi->scenario_id != 0 && !load_enrolments (model, roi->scenario_id, enrolled, error))
    return FALSE;

  for (int m = roi->start_month; m <= last; m++)
    {
      /* [0]: the other customers, [1]: the targeted ones. */
      guint base[2] = { 0 };
      guint churned[2] = { 0 };
      gint64 base_mrr[2] = { 0 };

      for (guint a = 0; a < model->n_accounts; a++)
        {
          const TenureModelAccount *account = &model->accounts[a];
          gboolean targeted = (roi->segment != NULL &&
                               g_strcmp0 (account->segment, roi->segment) == 0) ||
                              (enrolled[a] != 0 && enrolled[a] <= m);
          gint64 before = tenure_model_mrr (model, a, m - 1);

          if (before <= 0)
            continue;
          base[targeted]++;
          base_mrr[targeted] += before;
          if (tenure_model_mrr (model, a, m) == 0)
            churned[targeted]++;
        }

      {
        TenureInitiativeMonth entry = { m, base[1], base[0], NAN, NAN };

        if (base[1] > 0)
          entry.targeted_churn_pct = 100.0 * churned[1] / base[1];
        if (base[0] > 0)
          entry.other_churn_pct = 100.0 * churned[0] / base[0];
        g_array_append_val (roi->months, entry);
      }
      roi->targeted_accounts = base[1];
      roi->other_accounts = base[0];
      roi->n_months++;
      /* Without customers on one side there is nothing to compare: no gain that month. */
      if (base[0] > 0 && base[1] > 0)
        roi->gain += ((double) churned[0] / base[0] - (double) churned[1] / base[1]) *
                     (double) base_mrr[1];
    }

  roi->gain_cents = (gint64) round (roi->gain);
  roi->roi_pct = roi->cost_cents > 0
                 ? (roi->gain - (double) roi->cost_cents) / (double) roi->cost_cents * 100
                 : NAN;

  return TRUE;
}

/**
 * tenure_initiative_roi:
 * @month: the month the ROI is computed at (a TENURE_MONTH ())
 * @filter: (nullable): restricts every group to these accounts
 *
 * The gain of each initiative is Σ over its months m up to @month of (logo churn of the
 * other customers − logo churn of the targeted customers) × MRR of the targeted customers
 * at m − 1; targeted customers are those of its segment, or enrolled in its scenario on
 * or before m. A month where one side has no customers at m − 1 adds nothing.
 * Each initiative also carries the churn of both groups month by month and the size of
 * both groups at the start of the last month counted.
 *
 * Returns: (element-type TenureInitiativeRoi): the initiatives
 */
GPtrArray *
tenure_initiative_roi (TenureDb            *db,
                       int                  month,
                       const TenureFilter  *filter,
                       GCancellable        *cancellable,
                       GError             **error)
{
  g_autoptr(GPtrArray) initiatives = NULL;
  g_autoptr(TenureModel) model = NULL;
  int first = month;

  g_return_val_if_fail (db != NULL, NULL);

  initiatives = load_initiatives (db, error);
  if (initiatives == NULL)
    return NULL;
  if (initiatives->len == 0)
    return g_steal_pointer (&initiatives);

  for (guint i = 0; i < initiatives->len; i++)
    first = MIN (first, ((TenureInitiativeRoi *) g_ptr_array_index (initiatives, i))->start_month);

  model = tenure_model_load (db, first, month, filter, FALSE, NULL, 0, NULL, NULL,
                             cancellable, error);
  if (model == NULL)
    return NULL;

  for (guint i = 0; i < initiatives->len; i++)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
          !compute_roi (model, g_ptr_array_index (initiatives, i), month, error))
        return NULL;
    }

  return g_steal_pointer (&initiatives);
}

/**
 * tenure_initiative_roi_format_target:
 *
 * Returns: "segment:NAME" or "scenario:NAME" ("scenario:#ID" if the name is unknown)
 */
char *
tenure_initiative_roi_format_target (const TenureInitiativeRoi *roi)
{
  g_return_val_if_fail (roi != NULL, NULL);

  if (roi->segment != NULL)
    return g_strdup_printf ("segment:%s", roi->segment);
  if (roi->scenario_name != NULL)
    return g_strdup_printf ("scenario:%s", roi->scenario_name);
  if (roi->scenario_id != 0)
    return g_strdup_printf ("scenario:#%" G_GINT64_FORMAT, roi->scenario_id);
  return g_strdup ("");
}
