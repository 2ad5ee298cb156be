/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Groups of accounts side by side (METRICS.md section 11) and job completions per job. */

#define G_LOG_DOMAIN "tenure-metrics"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tenure-metrics-groups.h"
#include "tenure-metrics-private.h"

static const struct
{
  TenureFilterKind  kind;
  const char       *name;
} filter_kinds[] = {
  { TENURE_FILTER_SEGMENT, "segment" },
  { TENURE_FILTER_PLAN, "plan" },
  { TENURE_FILTER_CHANNEL, "channel" },
};

gboolean
tenure_filter_from_string (const char   *text,
                           TenureFilter *filter)
{
  const char *equal;

  g_return_val_if_fail (filter != NULL, FALSE);

  *filter = (TenureFilter) { TENURE_FILTER_NONE, NULL };
  if (text == NULL || *text == '\0')
    return TRUE;

  equal = strchr (text, '=');
  if (equal == NULL || equal[1] == '\0')
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (filter_kinds); i++)
    if (strlen (filter_kinds[i].name) == (gsize) (equal - text) &&
        strncmp (text, filter_kinds[i].name, (gsize) (equal - text)) == 0)
      {
        *filter = (TenureFilter) { filter_kinds[i].kind, equal + 1 };
        return TRUE;
      }

  return FALSE;
}

char *
tenure_filter_to_string (const TenureFilter *filter)
{
  if (filter != NULL && filter->value != NULL)
    for (guint i = 0; i < G_N_ELEMENTS (filter_kinds); i++)
      if (filter_kinds[i].kind == filter->kind)
        return g_strconcat (filter_kinds[i].name, "=", filter->value, NULL);

  return g_strdup ("");
}

static gboolean
check_group_kind (TenureFilterKind   kind,
                  GError           **error)
{
  if (kind == TENURE_FILTER_SEGMENT || kind == TENURE_FILTER_PLAN ||
      kind == TENURE_FILTER_CHANNEL)
    return TRUE;

  g_set_error (error, TENURE_METRICS_ERROR, TENURE_METRICS_ERROR_INVALID,
               _("Choose a segment, a plan or a channel"));
  return FALSE;
}

char **
tenure_metrics_list_groups (TenureDb          *db,
                            TenureFilterKind   kind,
                            GError           **error)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  const char *sql;
  int rc;

  g_return_val_if_fail (db != NULL, NULL);

  if (!check_group_kind (kind, error))
    return NULL;

  switch (kind)
    {
    case TENURE_FILTER_SEGMENT:
      sql = "SELECT DISTINCT segment FROM account WHERE coalesce (segment, '') != '' "
            "ORDER BY 1";
      break;
    case TENURE_FILTER_PLAN:
      sql = "SELECT DISTINCT plan FROM account WHERE coalesce (plan, '') != '' ORDER BY 1";
      break;
    case TENURE_FILTER_CHANNEL:
      sql = "SELECT DISTINCT coalesce (nullif (channel, ''), 'unknown') FROM account ORDER BY 1";
      break;
    case TENURE_FILTER_NONE:
    default:
      g_assert_not_reached ();
    }

  stmt = tenure_db_prepare (db, sql, error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (names, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      tenure_db_set_error (db, rc, error);
      return NULL;
    }

  g_ptr_array_add (names, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&names), FALSE);
}

void
tenure_group_figures_free (TenureGroupFigures *group)
{
  if (group == NULL)
    return;

  g_free (group->name);
  g_free (group);
}

/* Customers of M − 12 and those of them still paying at M. */
static void
count_retained (const TenureModel  *model,
                int                 month,
                TenureGroupFigures *group)
{
  for (guint a = 0; a < model->n_accounts; a++)
    {
      if (tenure_model_mrr (model, a, month - 12) <= 0)
        continue;
      group->customers_year_ago++;
      if (tenure_model_mrr (model, a, month) > 0)
        group->retained_year_ago++;
    }

  group->logo_retention12_pct = group->customers_year_ago > 0
    ? 100.0 * group->retained_year_ago / group->customers_year_ago
    : NAN;
}

static void
fill_acquisition (TenureGroupFigures   *group,
                  const TenureMetrics  *metrics,
                  TenureFilterKind      kind)
{
  const TenureChannelFigures *own = NULL;

  if (kind == TENURE_FILTER_CHANNEL)
    own = tenure_metrics_get_channel (metrics, group->name);

  if (own != NULL)
    {
      group->spend_cents = own->spend_cents;
      group->new_customers = own->new_customers;
      group->cac_cents = own->cac_cents;
      group->cac = own->cac;
      group->clv_cac_ratio = own->clv_cac_ratio;
      group->payback_months = own->payback_months;
      return;
    }

  /* A segment or plan has no spend of its own (spend is split by channel only). */
  group->cac_cents = TENURE_CENTS_NULL;
  group->cac = NAN;
  group->clv_cac_ratio = NAN;
  group->payback_months = NAN;
  if (kind == TENURE_FILTER_CHANNEL)
    return;

  for (guint i = 0; i < metrics->channels->len; i++)
    {
      const TenureChannelFigures *channel = g_ptr_array_index (metrics->channels, i);

      group->new_customers += channel->new_customers;
    }
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The groups of @kind among the accounts of @model, borrowed from it, sorted byte by byte
 * as SQLite sorts text: what tenure_metrics_list_groups() reads from the workspace. */
static GPtrArray *
model_group_names (const TenureModel *model,
                   TenureFilterKind   kind)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *names = g_ptr_array_new ();

  for (guint a = 0; a < model->n_accounts; a++)
    {
      const char *name = tenure_model_account_group (&model->accounts[a], kind);

      if (name != NULL && g_hash_table_add (seen, (gpointer) name))
        g_ptr_array_add (names, (gpointer) name);
    }
  g_ptr_array_sort (names, compare_names);

  return names;
}

/* The figures of the accounts of @filter (a subset of @model), as a dashboard filtered on
 * the group shows them. */
static TenureGroupFigures *
group_figures (const TenureModel   *model,
               int                  month,
               const TenureFilter  *filter,
               double               gross_margin_pct,
               GError             **error)
{
  g_autoptr(TenureModel) subset = tenure_model_subset (model, filter);
  g_autoptr(TenureMetrics) metrics = NULL;
  g_autoptr(TenureGroupFigures) group = g_new0 (TenureGroupFigures, 1);

  metrics = tenure_model_value_metrics (subset, month, gross_margin_pct, error);
  if (metrics == NULL)
    return NULL;

  group->name = g_strdup (filter->value);
  group->customers = metrics->figures.customers;
  group->mrr_cents = metrics->figures.mrr_cents;
  group->arpa_cents = metrics->figures.arpa_cents;
  group->nrr_trailing12_pct = metrics->figures.nrr_trailing12_pct;
  group->grr_pct = metrics->figures.grr_pct;
  group->nrr_pct = metrics->figures.nrr_pct;
  group->logo_churn_pct = metrics->figures.logo_churn_pct;
  group->avg_churn_pct = tenure_metrics_is_null (metrics->avg_churn)
    ? NAN : metrics->avg_churn * 100;
  group->clv = metrics->clv;
  group->clv_cents = metrics->clv_cents;
  fill_acquisition (group, metrics, filter->kind);
  count_retained (subset, month, group);

  return g_steal_pointer (&group);
}

/**
 * tenure_metrics_compare_groups:
 *
 * Each group is computed as a filtered dashboard computes it, so the figures agree with
 * the dashboard of that group. Spend is split by channel only: a segment or plan has
 * no spend, CAC, CLV/CAC or payback of its own (null), only its new customers.
 *
 * The accounts and their MRR are read once, then each group is computed from its
 * accounts in memory.
 *
 * Returns: (transfer full): TenureGroupFigures, or NULL with @error set
 */
GPtrArray *
tenure_metrics_compare_groups (TenureDb          *db,
                               int                month,
                               TenureFilterKind   kind,
                               GCancellable      *cancellable,
                               GError           **error)
{
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(TenureModel) model = NULL;
  g_autoptr(GPtrArray) names = NULL;
  double gross_margin_pct;

  g_return_val_if_fail (db != NULL, NULL);

  if (!check_group_kind (kind, error))
    return NULL;

  /* The months tenure_metrics_compute() loads for @month (M − 13 … M), without the
   * events: the figures of a group need its MRR only. */
  model = tenure_model_load (db, month, month, NULL, FALSE, NULL, 0, NULL, NULL, cancellable,
                             error);
  if (model == NULL)
    return NULL;
  gross_margin_pct = tenure_db_get_setting_double (db, "gross_margin_pct", 80);
  names = model_group_names (model, kind);

  groups = g_ptr_array_new_with_free_func ((GDestroyNotify) tenure_group_figures_free);
  for (guint i = 0; i < names->len; i++)
    {
      TenureFilter filter = { kind, g_ptr_array_index (names, i) };
      TenureGroupFigures *group;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      group = group_figures (model, month, &filter, gross_margin_pct, error);
      if (group == NULL)
        return NULL;
      g_ptr_array_add (groups, group);
    }

  return g_steal_pointer (&groups);
}

void
tenure_job_completions_free (TenureJobCompletions *job)
{
  if (job == NULL)
    return;

  g_free (job->name);
  g_free (job);
}

/**
 * tenure_metrics_job_completions:
 *
 * Returns: (transfer full): TenureJobCompletions, or NULL with @error set
 */
GPtrArray *
tenure_metrics_job_completions (TenureDb            *db,
                                int                  month,
                                guint                days,
                                const TenureFilter  *filter,
                                GCancellable        *cancellable,
                                GError             **error)
{
  g_autoptr(GPtrArray) jobs = NULL;
  TenureFilterKind kind = filter != NULL ? filter->kind : TENURE_FILTER_NONE;
  sqlite3_stmt *stmt;
  char lo[11];
  char hi[11];
  int rc;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (days > 0, NULL);

  /* The group's test is the model's: empty text is no value, no channel is "unknown". */
  stmt = tenure_db_prepare (db,
                            "SELECT job.name, count (event.id) FROM job LEFT JOIN "
                            "(SELECT event.id, event.job_id FROM event "
                            " JOIN account ON account.id = event.account_id "
                            " WHERE event.kind = 'job_completed' "
                            " AND event.at >= ?1 AND event.at < ?2 AND CASE ?3 "
                            "  WHEN 1 THEN nullif (account.segment, '') IS ?4 "
                            "  WHEN 2 THEN nullif (account.plan, '') IS ?4 "
                            "  WHEN 3 THEN coalesce (nullif (account.channel, ''), 'unknown') "
                            "              IS ?4 "
                            "  ELSE 1 END) AS event ON event.job_id = job.id "
                            "GROUP BY job.id ORDER BY 2 DESC, 1",
                            error);
  if (stmt == NULL)
    return NULL;

  G_STATIC_ASSERT (TENURE_FILTER_SEGMENT == 1 && TENURE_FILTER_PLAN == 2 &&
                   TENURE_FILTER_CHANNEL == 3);
  tenure_model_window (month, (int) days, lo, hi);
  if (sqlite3_bind_text (stmt, 1, lo, -1, SQLITE_TRANSIENT) != SQLITE_OK ||
      sqlite3_bind_text (stmt, 2, hi, -1, SQLITE_TRANSIENT) != SQLITE_OK ||
      sqlite3_bind_int (stmt, 3, (int) kind) != SQLITE_OK ||
      sqlite3_bind_text (stmt, 4, filter != NULL ? filter->value : NULL, -1,
                         SQLITE_TRANSIENT) != SQLITE_OK)
    {
      tenure_db_set_error (db, sqlite3_errcode (tenure_db_get_handle (db)), error);
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return NULL;
    }

  jobs = g_ptr_array_new_with_free_func ((GDestroyNotify) tenure_job_completions_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TenureJobCompletions *job = g_new0 (TenureJobCompletions, 1);

      job->name = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      job->completions = (guint) sqlite3_column_int64 (stmt, 1);
      g_ptr_array_add (jobs, job);
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  if (rc != SQLITE_DONE)
    {
      tenure_db_set_error (db, rc, error);
      return NULL;
    }

  return g_steal_pointer (&jobs);
}
