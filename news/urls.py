from django.urls import path

from news import feeds, views

app_name = "news"

urlpatterns = [
    path("", views.ArticleListView.as_view(), name="index"),
    path("<int:pk>/", views.ArticleDetailView.as_view(), name="detail"),
    path("<int:pk>/preview/", views.article_preview, name="preview"),
    path("feeds/rss/", feeds.LatestNewsFeed(), name="feed-rss"),
    path("feeds/atom/", feeds.LatestNewsAtomFeed(), name="feed-atom"),
    path("feeds/zone/<slug:slug>/rss/", feeds.ZoneNewsFeed(), name="zone-feed-rss"),
    path(
        "feeds/zone/<slug:slug>/atom/", feeds.ZoneNewsAtomFeed(), name="zone-feed-atom"
    ),
    path(
        "feeds/channel/<slug:slug>/rss/",
        feeds.ChannelNewsFeed(),
        name="channel-feed-rss",
    ),
    path(
        "feeds/channel/<slug:slug>/atom/",
        feeds.ChannelNewsAtomFeed(),
        name="channel-feed-atom",
    ),
]
