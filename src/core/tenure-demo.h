/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The demo company: a deterministic, believable B2B cybersecurity SaaS. */
#pragma once

#include <gio/gio.h>

#include "tenure-db.h"
#include "tenure-progress.h"

G_BEGIN_DECLS

typedef struct
{
  guint   accounts;    /* 600 by default */
  guint   months;      /* 36 by default */
  int     end_month;   /* a TENURE_MONTH (); 0 means the last full month */
  guint64 seed;        /* 1 by default */
} TenureDemoOptions;

void     tenure_demo_options_init (TenureDemoOptions        *options);

/* Fills an empty workspace. The same options always give the same table contents. */
gboolean tenure_demo_generate     (TenureDb                 *db,
                                   const TenureDemoOptions  *options,
                                   TenureProgressFunc        progress,
                                   gpointer                  user_data,
                                   GCancellable             *cancellable,
                                   GError                  **error);

/* Creates @path (or replaces it when @replace) with a demo workspace, written under a
 * temporary name and renamed when complete. */
gboolean tenure_demo_create_file  (const char               *path,
                                   const TenureDemoOptions  *options,
                                   gboolean                  replace,
                                   TenureProgressFunc        progress,
                                   gpointer                  user_data,
                                   GCancellable             *cancellable,
                                   GError                  **error);

G_END_DECLS
