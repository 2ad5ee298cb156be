/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The pages of the sidebar, in order: where a new page class is plugged in. */
#pragma once

#include "tenure-page.h"

G_BEGIN_DECLS

typedef struct
{
  const char *name;          /* the page's name in the window's stack */
  const char *title;         /* N_(): the sidebar label */
  const char *icon_name;     /* a symbolic icon of Debian 12's Adwaita theme */
  const char *description;   /* N_(): what an empty page will show, for TenureEmptyPage */
  GType     (*get_type) (void);
} TenurePageInfo;

const TenurePageInfo *tenure_page_list_get (guint *n_pages);

G_END_DECLS
