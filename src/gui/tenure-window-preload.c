/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Preloading: once the page shown is ready and the window is idle, the hidden pages whose
 * figures are out of date load them one at a time, so that switching page shows them at
 * once. Only in workspaces where a load is quick: a big workspace keeps its spinners.
 *
 * The page shown always goes first. Its reload (after a change of month, filter or
 * workspace) stops preloading: each hidden page cancels its load under way, now out of
 * date (tenure_page_queue_reload()), and preloading starts again a moment after the page
 * shown is ready. Switching page pauses it: a preload under way ends (it is useful, and
 * short), but the next one waits until the new page is ready. A preload still running
 * after PRELOAD_MAX_LOAD_TIME is cancelled. */

#define G_LOG_DOMAIN "tenure-window"

#include "config.h"

#include <glib/gi18n.h>

#include "tenure-window-private.h"

/* How long the page shown must have been ready before preloading starts, and so how long
 * the window must have been idle: a user who clicks through months or pages does not
 * start a preload at every step. */
#define PRELOAD_DELAY_MS 300

/* A page preloads only if its last load took less than this, and the page shown's too.
 * Under a second, a full round over the ten other pages costs one processor a few
 * seconds at most after each change of month (at the demo's 600 accounts, about one), and
 * spares a wait the user would notice at each switch. Over it, every page takes seconds
 * (the demo company at 100,000 accounts: 0.2 to 35 s each): preloading would keep a
 * processor busy for a minute after every change of month for pages the user may never
 * open, and slow down the page they look at; those pages keep their spinner. */
#define PRELOAD_MAX_LOAD_TIME (1 * G_USEC_PER_SEC)

/* How long a load of @page would take, as far as the window knows: its last load, or,
 * for a page that has not loaded the workspace yet, the slowest load of another page. */
static gint64
estimate_load_time (TenureWindow *self,
                    TenurePage   *page)
{
  gint64 slowest = 0;

  if (tenure_page_get_load_time (page) >= 0)
    return tenure_page_get_load_time (page);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->pages_stack));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    slowest = MAX (slowest, tenure_page_get_load_time (TENURE_PAGE (child)));

  return slowest;
}

/* Whether a hidden page is loading: a preload, or the load of a page the user just left. */
static gboolean
hidden_page_busy (TenureWindow *self)
{
  GtkWidget *visible = gtk_stack_get_visible_child (self->pages_stack);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->pages_stack));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (child != visible && tenure_page_get_busy (TENURE_PAGE (child)))
      return TRUE;

  return FALSE;
}

/* The next page to preload, in the sidebar's order, or NULL. */
static TenurePage *
find_page_to_preload (TenureWindow *self)
{
  TenurePage *visible;

  if (self->workspace == NULL || self->open_cancellable != NULL)
    return NULL;

  visible = tenure_window_get_visible_page (self);
  if (visible == NULL || !tenure_page_is_ready (visible) ||
      tenure_page_get_load_time (visible) >= PRELOAD_MAX_LOAD_TIME)
    return NULL;

  /* One load at a time besides the page shown's: the machine may have two processors. */
  if (hidden_page_busy (self))
    return NULL;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->pages_stack));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      TenurePage *page = TENURE_PAGE (child);

      if (page != visible && TENURE_PAGE_GET_CLASS (page)->preload &&
          tenure_page_needs_reload (page) &&
          estimate_load_time (self, page) < PRELOAD_MAX_LOAD_TIME)
        return page;
    }

  return NULL;
}

static void schedule_preload (TenureWindow *self,
                              guint         delay_ms);

static void
stop_preload_timeout (TenureWindow *self)
{
  g_clear_handle_id (&self->preload_timeout, g_source_remove);
  self->preload_page = NULL;
}

/* A preload that takes longer than a load may (the page had never loaded, or its earlier
 * loads were cut short) is cancelled: the page then counts as slow, and so do the pages
 * that never loaded, so a big workspace spends at most this much on preloading. */
static gboolean
preload_timeout_cb (gpointer user_data)
{
  TenureWindow *self = user_data;
  TenurePage *page = self->preload_page;

  self->preload_timeout = 0;
  self->preload_page = NULL;

  g_debug ("Preloading %s takes too long: cancelled", G_OBJECT_TYPE_NAME (page));
  tenure_page_queue_reload (page);

  return G_SOURCE_REMOVE;
}

static gboolean
preload_cb (gpointer user_data)
{
  TenureWindow *self = user_data;
  TenurePage *page;

  self->preload_source = 0;

  page = find_page_to_preload (self);
  if (page == NULL)
    return G_SOURCE_REMOVE;

  g_debug ("Preloading %s", G_OBJECT_TYPE_NAME (page));

  /* The end of the load calls for the next page; a load that ended at once (a page
   * with nothing to load) calls for it now. */
  if (tenure_page_preload (page))
    {
      stop_preload_timeout (self);
      self->preload_page = page;
      self->preload_timeout = g_timeout_add_full (G_PRIORITY_DEFAULT,
                                                  PRELOAD_MAX_LOAD_TIME / 1000,
                                                  preload_timeout_cb, self, NULL);
    }
  else if (!tenure_page_needs_reload (page))
    schedule_preload (self, 0);

  return G_SOURCE_REMOVE;
}

/* Looks for a page to preload after @delay_ms, at low priority: input and frames first. */
static void
schedule_preload (TenureWindow *self,
                  guint         delay_ms)
{
  g_clear_handle_id (&self->preload_source, g_source_remove);
  self->preload_source = g_timeout_add_full (G_PRIORITY_LOW, delay_ms, preload_cb, self, NULL);
}

static void
page_busy_cb (TenureWindow *self,
              GParamSpec   *pspec,
              TenurePage   *page)
{
  gboolean visible = page == tenure_window_get_visible_page (self);

  if (page == self->preload_page && (visible || !tenure_page_get_busy (page)))
    stop_preload_timeout (self);

  if (tenure_page_get_busy (page))
    {
      /* The page shown reloads: it goes first. */
      if (visible)
        g_clear_handle_id (&self->preload_source, g_source_remove);
      return;
    }

  /* A preload ended: the next one may start at once. The page shown is ready, or a
   * hidden page dropped its load (the month changed): wait for the window to be idle. */
  if (!visible && tenure_page_is_ready (page))
    schedule_preload (self, 0);
  else
    schedule_preload (self, PRELOAD_DELAY_MS);
}

static void
visible_page_changed_cb (TenureWindow *self)
{
  TenurePage *visible = tenure_window_get_visible_page (self);

  g_clear_handle_id (&self->preload_source, g_source_remove);

  /* The user came to the page being preloaded: its load is theirs now, however long. */
  if (visible != NULL && visible == self->preload_page)
    stop_preload_timeout (self);

  /* A page not ready loads now, and preloading goes on when it is ready. */
  if (visible != NULL && tenure_page_is_ready (visible))
    schedule_preload (self, PRELOAD_DELAY_MS);
}

/* Follows the pages' loads and the page shown (after create_pages ()). */
void
_tenure_window_preload_init (TenureWindow *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->pages_stack));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    g_signal_connect_object (child, "notify::busy", G_CALLBACK (page_busy_cb), self,
                             G_CONNECT_SWAPPED);

  g_signal_connect_object (self->pages_stack, "notify::visible-child",
                           G_CALLBACK (visible_page_changed_cb), self, G_CONNECT_SWAPPED);
}

/* Stops preloading for good, before the pages go: they cancel their loads as they are
 * disposed, which must not schedule anything. */
void
_tenure_window_preload_dispose (TenureWindow *self)
{
  if (self->pages_stack != NULL)
    {
      for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->pages_stack));
           child != NULL;
           child = gtk_widget_get_next_sibling (child))
        g_signal_handlers_disconnect_by_data (child, self);
      g_signal_handlers_disconnect_by_data (self->pages_stack, self);
    }

  g_clear_handle_id (&self->preload_source, g_source_remove);
  stop_preload_timeout (self);
}

/**
 * tenure_window_get_settled:
 *
 * Whether the window shows a workspace, its page is ready, and no preload is under way
 * or about to start: what a user who looks at the page for a few seconds gets.
 */
gboolean
tenure_window_get_settled (TenureWindow *self)
{
  TenurePage *visible;

  g_return_val_if_fail (TENURE_IS_WINDOW (self), FALSE);

  if (self->workspace == NULL || self->open_cancellable != NULL)
    return FALSE;

  visible = tenure_window_get_visible_page (self);

  return visible != NULL && tenure_page_is_ready (visible) && self->preload_source == 0 &&
         !hidden_page_busy (self);
}
