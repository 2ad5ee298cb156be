/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The demo company: a deterministic, believable B2B cybersecurity SaaS. */
#pragma once

#include <gio/gio.h>

#include "tenure-db.h"
#include "tenure-progress.h"

G_BEGIN_DECLS

#define TENURE_DEMO_ERROR (tenure_demo_error_quark ())

typedef enum
{
  TENURE_DEMO_ERROR_INVALID,    /* options out of range */
  TENURE_DEMO_ERROR_NOT_EMPTY,  /* the workspace already holds accounts */
  TENURE_DEMO_ERROR_EXISTS,     /* the file exists and replacing it was not asked for */
  TENURE_DEMO_ERROR_FAILED,     /* the file could not be written */
} TenureDemoError;

/* Limits of the options, checked by tenure_demo_generate(). */
#define TENURE_DEMO_MAX_ACCOUNTS 1000000
#define TENURE_DEMO_MIN_MONTHS   6
#define TENURE_DEMO_MAX_MONTHS   240

typedef struct
{
  guint   accounts;    /* 600 by default */
  guint   months;      /* 36 by default */
  int     end_month;   /* a TENURE_MONTH (); 0 means the last full month */
  guint64 seed;        /* 1 by default */
} TenureDemoOptions;

GQuark   tenure_demo_error_quark  (void);

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
