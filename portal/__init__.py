"""The site shell, the top floor: the home page, the health check, the error
pages, robots.txt and the sitemap index.

It puts together what the apps below it offer (news, zones, search, core);
none of them imports it.
"""
