/* SPDX-License-Identifier: GPL-3.0-or-later */
/* One account's story: its MRR month by month and its recent weeks of activity. */
#pragma once

#include <gio/gio.h>

#include "tenure-db.h"

G_BEGIN_DECLS

/* What an account did in one week (Monday to Sunday, UTC). */
typedef struct
{
  gint32  first_day;         /* days since the epoch of its Monday */
  guint   sessions;          /* `session` events */
  guint   jobs;              /* `job_completed` events */
  guint   tickets;           /* tickets opened */
  guint   strategic_tickets; /* of which strategic */
  int     nps;               /* the latest NPS answer of the week, −1 when none */
} TenureAccountWeek;

typedef struct
{
  gint64             account_id;
  char              *external_id;
  char              *name;          /* nullable */
  char              *owner;         /* nullable */
  char              *segment;       /* nullable */
  char              *plan;          /* nullable */
  char              *channel;       /* nullable */
  char              *signup_date;   /* YYYY-MM-DD, nullable */

  /* MRR at the end of each month first_month … first_month + n_months − 1 (METRICS.md 1). */
  int                first_month;
  guint              n_months;
  gint64            *mrr_cents;

  /* The weeks ending with the one holding the last day of the last month, oldest first. */
  guint              n_weeks;
  TenureAccountWeek *weeks;
} TenureAccountHistory;

TenureAccountHistory *tenure_account_history_load (TenureDb      *db,
                                                   gint64         account_id,
                                                   int            last_month,
                                                   guint          n_months,
                                                   guint          n_weeks,
                                                   GCancellable  *cancellable,
                                                   GError       **error);
void                  tenure_account_history_free (TenureAccountHistory *history);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TenureAccountHistory, tenure_account_history_free)

G_END_DECLS
