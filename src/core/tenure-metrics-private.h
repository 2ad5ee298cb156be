/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The model behind every figure: accounts of a group with their MRR month by month. */
#pragma once

#include "tenure-health.h"
#include "tenure-metrics.h"
#include "tenure-progress.h"

G_BEGIN_DECLS

#define TENURE_SECONDS_PER_DAY 86400
#define TENURE_MODEL_MAX_USAGE_MONTHS 13

typedef struct
{
  gint64      id;
  const char *external_id;
  const char *name;            /* nullable */
  const char *segment;         /* nullable */
  const char *plan;            /* nullable */
  const char *channel;         /* "unknown" when the account has none */
  const char *owner;           /* nullable */
  gint32      signup_day;      /* days since the epoch; G_MININT32 when unknown */
  int         signup_month;    /* 0 when unknown */
  int         cohort;          /* first month with MRR > 0; 0 when never */
  gint64      mrr_signup12;    /* MRR at signup month + 12 */

  /* From the events of the first 90 days after signup (when loaded with events). */
  guint       jobs_30d;
  guint       signal48h : 1;
  double      ttfv_days;       /* NAN when no job was completed within 90 days */
} TenureModelAccount;

typedef struct
{
  TenureDb           *db;
  int                 first_month;   /* the MRR matrix covers first_month … last_month */
  int                 last_month;
  guint               n_months;
  guint               n_accounts;
  TenureModelAccount *accounts;
  gint64             *mrr;           /* n_accounts × n_months, account-major */
  gboolean            filtered;
  TenureFilterKind    filter_kind;
  char               *filter_value;
  gboolean            with_signup_events;

  /* Usage of the last 30 days of some months (for health and dormant accounts). */
  guint               n_usage_months;
  int                 usage_months[TENURE_MODEL_MAX_USAGE_MONTHS];
  guint32            *session_days[TENURE_MODEL_MAX_USAGE_MONTHS];   /* a bit per day */
  guint              *jobs[TENURE_MODEL_MAX_USAGE_MONTHS];

  TenureProgressFunc  progress;      /* nullable; the load reports 0 … 0.9 */
  gpointer            progress_data;

  GStringChunk       *strings;       /* NULL in a subset, whose strings are its model's */
  gint32             *index_of_id;   /* id → account index, −1 when not in the group */
  GHashTable         *sparse_index;  /* the same for sparse ids: id → index + 1 */
  gint64              max_id;
} TenureModel;

TenureModel *tenure_model_load          (TenureDb            *db,
                                         int                  first_month,
                                         int                  last_month,
                                         const TenureFilter  *filter,
                                         gboolean             with_signup_events,
                                         const int           *usage_months,
                                         guint                n_usage_months,
                                         TenureProgressFunc   progress,
                                         gpointer             progress_data,
                                         GCancellable        *cancellable,
                                         GError             **error);
const char  *tenure_model_account_group (const TenureModelAccount *account,
                                         TenureFilterKind          kind);
TenureModel *tenure_model_subset        (const TenureModel   *model,
                                         const TenureFilter  *filter);
void         tenure_model_free          (TenureModel         *model);
int          tenure_model_index         (const TenureModel   *model,
                                         gint64               id);
gboolean     tenure_model_get_usage     (const TenureModel   *model,
                                         int                  month,
                                         const guint32      **session_days,
                                         const guint        **jobs);
void         tenure_model_window        (int                  month,
                                         int                  days,
                                         char                 lo[11],
                                         char                 hi[11]);

static inline gint64
tenure_model_mrr (const TenureModel *model,
                  guint              account,
                  int                month)
{
  if (month < model->first_month || month > model->last_month)
    return 0;
  return model->mrr[(gsize) account * model->n_months + (guint) (month - model->first_month)];
}

/* Sections 1–3 of @month from the MRR of @model alone (tenure-metrics.c): the revenue
 * fields of metrics->figures, churn, CLV and the channels, as tenure_metrics_compute()
 * gives them for the same accounts; the rest (responses, activation, health, cohorts,
 * currency) is left empty. @model must cover @month − 12 … @month. */
TenureMetrics *tenure_model_value_metrics (TenureModel  *model,
                                           int           month,
                                           double        gross_margin_pct,
                                           GError      **error);

/* Per account of the model, at the end of @month (tenure-health.c). */
typedef struct
{
  int    score;                /* −1 for accounts that are not customers of the month */
  double components[TENURE_HEALTH_N_COMPONENTS];
  guint  session_days;         /* distinct days with a session in the last 30 days */
} TenureModelHealth;

TenureHealthReport *tenure_health_report_from_model (TenureModel             *model,
                                                     int                      month,
                                                     const double            *weights,
                                                     const TenureModelHealth *now,
                                                     const TenureModelHealth *before);

TenureHealthTrend *tenure_model_health_trend (TenureModel    *model,
                                              int             last_month,
                                              guint           n_months,
                                              GCancellable   *cancellable,
                                              GError        **error);
TenureModelHealth *tenure_model_health  (TenureModel         *model,
                                         int                  month,
                                         const double         weights[TENURE_HEALTH_N_COMPONENTS],
                                         GCancellable        *cancellable,
                                         GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TenureModel, tenure_model_free)

G_END_DECLS
