/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Every figure of METRICS.md sections 1–7 and 11 for a month, and the series the charts need. */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <math.h>

#include "tenure-db.h"
#include "tenure-progress.h"

G_BEGIN_DECLS

/*
 * Undefined figures ("null" in METRICS.md) are never 0:
 * - a double is NAN: test it with tenure_metrics_is_null();
 * - money and other gint64 figures are TENURE_CENTS_NULL.
 * Plain counts (guint) are always defined.
 *
 * Typical use:
 *
 *   TenureFilter filter = { TENURE_FILTER_CHANNEL, "ads" };
 *   g_autoptr(TenureMetrics) m = tenure_metrics_compute (db, month, &filter, NULL, &error);
 *   if (m->figures.arpa_cents != TENURE_CENTS_NULL) …
 *
 *   g_autoptr(TenureMetricsSeries) s = tenure_metrics_series (db, month - 12, month, NULL,
 *                                                             NULL, &error);
 *   for (guint i = 0; i < s->n_months; i++) plot (s->months[i].mrr_cents);
 *
 * The dashboard and the report want both from one read of the workspace:
 *
 *   m = tenure_metrics_compute_with_series (db, month, 13, filter, NULL, NULL, cancellable,
 *                                           &error);
 *   m->series->months[12].mrr_cents == m->figures.mrr_cents
 *
 * The GUI calls tenure_metrics_compute_async() with the workspace path: the worker opens
 * its own read-only connection. Account health lists are in tenure-health.h.
 *
 * Where METRICS.md leaves a choice open, the engine does this:
 * - events counted from signup (TAJ, 48-hour signal, time to first value, activation) are
 *   all the workspace holds, not cut at the end of the month;
 * - responses without an account count for all accounts, never for a filtered group;
 * - spend is restricted by a channel filter only: with a segment or plan filter, a
 *   channel's CAC is its whole spend over the group's new customers of that channel;
 * - payback_months is null when ARPA is undefined; funnel awareness is null when no spend
 *   row of the month gives leads;
 * - a segment or plan filter with a NULL value selects the accounts without one; accounts
 *   without a channel are the channel "unknown";
 * - the latest NPS answer of an account (health sentiment) is the latest answered_on,
 *   then the latest row.
 */
#define TENURE_CENTS_NULL G_MININT64
#define TENURE_METRICS_ERROR (tenure_metrics_error_quark ())

typedef enum
{
  TENURE_METRICS_ERROR_INVALID,
} TenureMetricsError;

static inline gboolean
tenure_metrics_is_null (double value)
{
  return isnan (value);
}

typedef enum
{
  TENURE_FILTER_NONE,
  TENURE_FILTER_SEGMENT,
  TENURE_FILTER_PLAN,
  TENURE_FILTER_CHANNEL,
} TenureFilterKind;

/* A group of accounts (METRICS.md section 11). Accounts without a channel form the
 * channel "unknown". Spend is restricted by a channel filter only. A NULL filter, or
 * TENURE_FILTER_NONE, means every account. */
typedef struct
{
  TenureFilterKind  kind;
  const char       *value;
} TenureFilter;

/* The figures of one month that the series carry (sections 1, 2, 5, 6). */
typedef struct
{
  int     month;                   /* a TENURE_MONTH () */

  gint64  mrr_cents;
  guint   customers;
  gint64  arpa_cents;              /* nullable */
  double  arpa;                    /* unrounded cents, NAN when undefined */

  gint64  new_cents;
  gint64  reactivation_cents;
  gint64  expansion_cents;
  gint64  contraction_cents;       /* ≤ 0 */
  gint64  churn_cents;             /* ≤ 0 */
  guint   new_customers;
  guint   reactivated_customers;
  guint   expanded_customers;
  guint   contracted_customers;
  guint   churned_customers;

  double  logo_churn_pct;          /* nullable */
  double  revenue_churn_pct;       /* nullable */
  double  grr_pct;                 /* nullable */
  double  nrr_pct;                 /* nullable */
  double  nrr_trailing12_pct;      /* nullable */

  /* Section 5: responses answered in the month. */
  double  nps_score;               /* nullable: no response */
  guint   nps_responses;
  guint   nps_promoters;
  guint   nps_passives;
  guint   nps_detractors;
  double  cli_score;               /* nullable */
  guint   cli_responses;

  /* Section 6. */
  guint   signups;                 /* accounts signing up in the month */
  guint   taj_bucket_0;            /* signups of the 3 months ending at M − 1 */
  guint   taj_bucket_1_3;
  guint   taj_bucket_4_plus;
  double  taj_4_plus_pct;          /* nullable */
  double  signal48h_pct;           /* nullable */
  double  ttfv_median_days;        /* nullable */
  double  ttfv_reached_pct;        /* nullable */
} TenureMonthFigures;

typedef struct
{
  char   *name;                    /* "unknown" for accounts without a channel */
  gint64  spend_cents;
  guint   new_customers;
  gint64  cac_cents;               /* nullable */
  double  cac;                     /* unrounded cents, nullable */
  double  clv_cac_ratio;           /* nullable */
  double  payback_months;          /* nullable */
} TenureChannelFigures;

typedef enum
{
  TENURE_HEALTH_GREEN,
  TENURE_HEALTH_AMBER,
  TENURE_HEALTH_RED,
  TENURE_HEALTH_N_BANDS,
} TenureHealthBand;

typedef struct
{
  int      cohort;                 /* a TENURE_MONTH () */
  guint    size;
  gboolean small;                  /* fewer than 10 accounts */
  guint    n_ages;                 /* ages 0 … n_ages − 1 */
  double  *logo_pct;
  double  *revenue_pct;
  guint   *retained;               /* accounts with MRR > 0 at each age */
  gint64  *mrr_cents;              /* MRR of the cohort's accounts at each age */
} TenureCohort;

/* Cohorts in ascending order, empty ones omitted, and the "all cohorts" row weighted by
 * cohort size (section 4). */
typedef struct
{
  int           last_month;
  guint         n_cohorts;
  TenureCohort *cohorts;
  guint         n_ages;            /* length of the "all" arrays */
  double       *all_logo_pct;      /* nullable entries */
  double       *all_revenue_pct;
} TenureCohortMatrix;

/* The stages of the lifecycle funnel (section 11), in their order. */
typedef enum
{
  TENURE_STAGE_AWARENESS,          /* Σ leads of the month's spend rows */
  TENURE_STAGE_CONVERSION,         /* accounts signing up in the month */
  TENURE_STAGE_PURCHASE,           /* new customers of the month */
  TENURE_STAGE_ACTIVATION,         /* signups of the month with a job within 30 days */
  TENURE_STAGE_RENEWAL,            /* customers whose cohort is 12 months old or more */
  TENURE_STAGE_RECOMMENDATION,     /* NPS promoters answering in the month */
  TENURE_N_STAGES,
} TenureStage;

/* The lifecycle funnel of one month. Each rate is a stage over what it comes from:
 * conversion over leads, purchase and activation over signups, renewal over the
 * month's customers, recommendation over the month's NPS answers. Awareness has no
 * rate. A rate is null when what it comes from is null or 0; purchase may pass 100 %
 * (new customers may have signed up in an earlier month). */
typedef struct
{
  int     month;
  gint64  count[TENURE_N_STAGES];  /* awareness is TENURE_CENTS_NULL without leads */
  double  rate_pct[TENURE_N_STAGES];   /* nullable */
} TenureLifecycle;

/* The cheap figures of every month from first_month to last_month, in order. */
typedef struct
{
  int                 first_month;
  int                 last_month;
  guint               n_months;
  TenureMonthFigures *months;
  TenureLifecycle    *lifecycle;   /* the funnel of each month, in the same order */
} TenureMetricsSeries;

typedef struct
{
  int     month;
  char   *currency;
  double  gross_margin_pct;

  TenureMonthFigures figures;

  /* Section 3. */
  double  avg_churn;               /* fraction, nullable */
  double  clv;                     /* unrounded cents, nullable */
  gint64  clv_cents;               /* nullable */
  GPtrArray *channels;             /* TenureChannelFigures, sorted by name */

  /* Section 6: TAJ retention at 12 months, per bucket 0, 1-3, 4+ (nullable). */
  double  taj_retention12_pct[3];

  /* Section 7. */
  guint   health_accounts[TENURE_HEALTH_N_BANDS];
  guint   backtest_accounts[TENURE_HEALTH_N_BANDS];
  double  backtest_churned_pct[TENURE_HEALTH_N_BANDS];   /* nullable */

  /* Section 4: the 12 cohorts ending at the month. */
  TenureCohortMatrix *cohorts;

  /* Section 11. */
  gint64  funnel_awareness;        /* Σ leads, nullable */
  guint   funnel_conversion;
  guint   funnel_purchase;
  guint   funnel_activation;
  guint   funnel_renewal;
  guint   funnel_recommendation;
  guint   dormant_accounts;
  double  dormant_pct;             /* nullable */
  gint64  dormant_mrr_cents;

  /* The months up to this one, from tenure_metrics_compute_with_series(); else NULL. */
  TenureMetricsSeries *series;
} TenureMetrics;

GQuark               tenure_metrics_error_quark   (void);

gboolean             tenure_filter_parse          (const char           *segment,
                                                   const char           *plan,
                                                   const char           *channel,
                                                   TenureFilter         *filter,
                                                   GError              **error);
char                *tenure_filter_describe       (const TenureFilter   *filter);

TenureMetrics       *tenure_metrics_compute       (TenureDb             *db,
                                                   int                   month,
                                                   const TenureFilter   *filter,
                                                   GCancellable         *cancellable,
                                                   GError              **error);
TenureMetrics       *tenure_metrics_compute_with_series (TenureDb       *db,
                                                   int                   month,
                                                   guint                 n_series_months,
                                                   const TenureFilter   *filter,
                                                   TenureProgressFunc    progress,
                                                   gpointer              progress_data,
                                                   GCancellable         *cancellable,
                                                   GError              **error);
void                 tenure_metrics_compute_async (const char           *path,
                                                   int                   month,
                                                   guint                 n_series_months,
                                                   const TenureFilter   *filter,
                                                   TenureProgressFunc    progress,
                                                   gpointer              progress_data,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
TenureMetrics       *tenure_metrics_compute_finish (GAsyncResult        *result,
                                                   GError              **error);
void                 tenure_metrics_free          (TenureMetrics        *metrics);
const TenureChannelFigures *
                     tenure_metrics_get_channel   (const TenureMetrics  *metrics,
                                                   const char           *name);
JsonNode            *tenure_metrics_to_json       (const TenureMetrics  *metrics);

TenureMetricsSeries *tenure_metrics_series        (TenureDb             *db,
                                                   int                   first_month,
                                                   int                   last_month,
                                                   const TenureFilter   *filter,
                                                   GCancellable         *cancellable,
                                                   GError              **error);
void                 tenure_metrics_series_free   (TenureMetricsSeries  *series);
const TenureMonthFigures *
                     tenure_metrics_series_get    (const TenureMetricsSeries *series,
                                                   int                   month);
const TenureLifecycle *
                     tenure_metrics_series_get_lifecycle (const TenureMetricsSeries *series,
                                                   int                   month);

/* @n_cohorts cohorts ending at @last_month (12 in the report). */
TenureCohortMatrix  *tenure_metrics_cohorts       (TenureDb             *db,
                                                   int                   last_month,
                                                   guint                 n_cohorts,
                                                   const TenureFilter   *filter,
                                                   GCancellable         *cancellable,
                                                   GError              **error);
void                 tenure_cohort_matrix_free    (TenureCohortMatrix   *matrix);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TenureMetrics, tenure_metrics_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TenureMetricsSeries, tenure_metrics_series_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TenureCohortMatrix, tenure_cohort_matrix_free)

G_END_DECLS
