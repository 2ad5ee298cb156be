/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Groups of accounts side by side (METRICS.md section 11) and job completions per job. */
#pragma once

#include "tenure-metrics.h"

G_BEGIN_DECLS

/* One group (a segment, plan or channel): every figure is the one tenure_metrics_compute()
 * gives with the group's filter, the one a dashboard filtered on the group shows. */
typedef struct
{
  char    *name;
  guint    customers;
  gint64   mrr_cents;
  gint64   arpa_cents;             /* nullable */

  /* Customers of M − 12 still paying at M, over the customers of M − 12. */
  guint    customers_year_ago;
  guint    retained_year_ago;
  double   logo_retention12_pct;   /* nullable: no customer a year ago */
  double   nrr_trailing12_pct;     /* nullable */
  double   grr_pct;                /* nullable */
  double   nrr_pct;                /* nullable */
  double   logo_churn_pct;         /* of the month, nullable */
  double   avg_churn_pct;          /* pooled over 12 months, nullable */
  double   clv;                    /* the group's ARPA and pooled churn, nullable */
  gint64   clv_cents;              /* nullable */

  /* Acquisition over the 12 months ending at M: a channel's own figures (its CLV over
   * its CAC); a segment or plan has new customers only, the rest is null (spend is split
   * by channel only). */
  gint64   spend_cents;
  guint    new_customers;
  gint64   cac_cents;              /* nullable */
  double   cac;                    /* nullable */
  double   clv_cac_ratio;          /* nullable */
  double   payback_months;         /* nullable */
} TenureGroupFigures;

typedef struct
{
  char  *name;
  guint  completions;
} TenureJobCompletions;

/* Reads "segment=SMB", "plan=Pro", "channel=ads", or "" / NULL for every account (the
 * workspace's filter in the GUI). The value is borrowed from @text. FALSE for anything
 * else, with @filter set to every account. */
gboolean    tenure_filter_from_string      (const char          *text,
                                            TenureFilter        *filter);
/* The string tenure_filter_from_string() reads; "" for every account. */
char       *tenure_filter_to_string        (const TenureFilter  *filter);

/* The distinct segments, plans or channels of the workspace's accounts, sorted; accounts
 * without a channel give "unknown", accounts without a segment or plan none. */
char      **tenure_metrics_list_groups     (TenureDb            *db,
                                            TenureFilterKind     kind,
                                            GError             **error);

/* Every group of @kind at @month, in the order of tenure_metrics_list_groups(). */
GPtrArray  *tenure_metrics_compare_groups  (TenureDb            *db,
                                            int                  month,
                                            TenureFilterKind     kind,
                                            GCancellable        *cancellable,
                                            GError             **error);
void        tenure_group_figures_free      (TenureGroupFigures  *group);

/* `job_completed` events of each job in the last @days days of @month, by the accounts of
 * @filter: every job of the workspace, most completed first, then by name. */
GPtrArray  *tenure_metrics_job_completions (TenureDb            *db,
                                            int                  month,
                                            guint                days,
                                            const TenureFilter  *filter,
                                            GCancellable        *cancellable,
                                            GError             **error);
void        tenure_job_completions_free    (TenureJobCompletions *job);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TenureGroupFigures, tenure_group_figures_free)

G_END_DECLS
