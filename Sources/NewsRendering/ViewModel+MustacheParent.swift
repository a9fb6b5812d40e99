import Mustache

// Mustache finds values with `Mirror` unless the object says where they are; Mirror decodes every field's type on
// every lookup, which made an article page take milliseconds. Each view model therefore answers by name with a
// switch over its stored properties. `ViewModelLookupTests` checks every stored property is answered, so a new
// property cannot be forgotten here.

/// What a template finds under `key` in `value` (nil when `value` is not a view model or has no such value).
func templateValue(_ value: Any, named key: String) -> Any? {
    (value as? any MustacheParent)?.child(named: key)
}

/// Whether templates read `value` by name rather than through Mirror.
func isViewModel(_ value: Any) -> Bool {
    value is any MustacheParent
}

extension SiteContext: MustacheParent {
    /// The stored property called `key`, for templates.
    func child(named key: String) -> Any? {
        switch key {
        case "name": self.name
        case "tagline": self.tagline
        case "hasTagline": self.hasTagline
        case "isHome": self.isHome
        case "todayText": self.todayText
        case "todayISO": self.todayISO
        case "nav": self.nav
        case "hasNav": self.hasNav
        case "searchPath": self.searchPath
        case "stylesheetPath": self.stylesheetPath
        case "hasStylesheet": self.hasStylesheet
        case "faviconPath": self.faviconPath
        case "hasFavicon": self.hasFavicon
        case "followLinks": self.followLinks
        case "hasFollowLinks": self.hasFollowLinks
        case "legal": self.legal
        case "baseURL": self.baseURL
        case "correctionsPath": self.correctionsPath
        default: nil
        }
    }
}

extension LegalFooter: MustacheParent {
    /// The stored property called `key`, for templates.
    func child(named key: String) -> Any? {
        switch key {
        case "name": self.name
        case "governingBody": self.governingBody
        case "hasGoverningBody": self.hasGoverningBody
        case "licence": self.licence
        case "hasLicence": self.hasLicence
        case "editorInChief": self.editorInChief
        case "hasEditorInChief": self.hasEditorInChief
        case "deputyEditors": self.deputyEditors
        case "hasDeputyEditors": self.hasDeputyEditors
        case "address": self.address
        case "hasAddress": self.hasAddress
        case "phone": self.phone
        case "hasPhone": self.hasPhone
        case "email": self.email
        case "hasEmail": self.hasEmail
        case "hasPhoneAndEmail": self.hasPhoneAndEmail
        case "hasContact": self.hasContact
        case "copyright": self.copyright
        case "hasCopyright": self.hasCopyright
        default: nil
        }
    }
}

extension NavItem: MustacheParent {
    /// The stored property called `key`, for templates.
    func child(named key: String) -> Any? {
        switch key {
        case "name": self.name
        case "path": self.path
        case "isCurrent": self.isCurrent
        case "children": self.children
        case "hasChildren": self.hasChildren
        default: nil
        }
    }
}

extension FollowLinkItem: MustacheParent {
    /// The stored property called `key`, for templates.
    func child(named key: String) -> Any? {
        switch key {
        case "name": self.name
        case "url": self.url
        case "isExternal": self.isExternal
        default: nil
        }
    }
}

extension PageMeta: MustacheParent {
    /// The stored property called `key`, for templates.
    func child(named key: String) -> Any? {
        switch key {
        case "title": self.title
        case "description": self.description
        case "hasDescription": self.hasDescription
        case "canonicalURL": self.canonicalURL
        case "hasCanonical": self.hasCanonical
        case "noindex": self.noindex
        case "ogType": self.ogType
        case "ogImage": self.ogImage
        case "hasOGImage": self.hasOGImage
        case "ogImageWidth": self.ogImageWidth
        case "ogImageHeight": self.ogImageHeight
        case "hasOGImageSize": self.hasOGImageSize
        case "ogImageAlt": self.ogImageAlt
        case "hasOGImageAlt": self.hasOGImageAlt
        case "twitterCard": self.twitterCard
        case "previousURL": self.previousURL
        case "hasPrevious": self.hasPrevious
        case "nextURL": self.nextURL
        case "hasNext": self.hasNext
        case "isArticle": self.isArticle
        case "publishedTime": self.publishedTime
        case "modifiedTime": self.modifiedTime
        case "articleSection": self.articleSection
        case "articleTags": self.articleTags
        case "structuredData": self.structuredData
        case "hasStructuredData": self.hasStructuredData
        default: nil
        }
    }
}

extension PageLink: MustacheParent {
    /// The stored property called `key`, for templates.
    func child(named key: String) -> Any? {
        switch key {
        case "name": self.name
        case "path": self.path
        default: nil
        }
    }
}

extension ArticleCard: MustacheParent {
    /// The stored property called `key`, for templates.
    func child(named key: String) -> Any? {
        switch key {
        case "title": self.title
        case "path": self.path
        case "sectionName": self.sectionName
        case "sectionPath": self.sectionPath
        case "hasSection": self.hasSection
        case "teaser": self.teaser
        case "hasTeaser": self.hasTeaser
        case "timeISO": self.timeISO
        case "timeText": self.timeText
        case "image": self.image
        case "hasImage": self.hasImage
        default: nil
        }
    }
}

extension CardImage: MustacheParent {
    /// The stored property called `key`, for templates.
    func child(named key: String) -> Any? {
        switch key {
        case "src": self.src
        case "alt": self.alt
        case "width": self.width
        case "height": self.height
        case "hasSize": self.hasSize
        case "lazy": self.lazy
        case "srcset": self.srcset
        case "sizes": self.sizes
        case "hasSrcset": self.hasSrcset
        default: nil
        }
    }
}

extension FigureView: MustacheParent {
    /// The stored property called `key`, for templates.
    func child(named key: String) -> Any? {
        switch key {
        case "src": self.src
        case "alt": self.alt
        case "width": self.width
        case "height": self.height
        case "hasSize": self.hasSize
        case "srcset": self.srcset
        case "sizes": self.sizes
        case "hasSrcset": self.hasSrcset
        case "caption": self.caption
        case "hasCaption": self.hasCaption
        case "credit": self.credit
        case "hasCredit": self.hasCredit
        case "hasFigcaption": self.hasFigcaption
        default: nil
        }
    }
}

extension Pagination: MustacheParent {
    /// The stored property called `key`, for templates.
    func child(named key: String) -> Any? {
        switch key {
        case "isShown": self.isShown
        case "hasPrevious": self.hasPrevious
        case "previousPath": self.previousPath
        case "hasNext": self.hasNext
        case "nextPath": self.nextPath
        case "pages": self.pages
        default: nil
        }
    }
}

extension PageNumber: MustacheParent {
    /// The stored property called `key`, for templates.
    func child(named key: String) -> Any? {
        switch key {
        case "number": self.number
        case "path": self.path
        case "isCurrent": self.isCurrent
        case "isGap": self.isGap
        case "isLink": self.isLink
        default: nil
        }
    }
}

extension ArticlePage: MustacheParent {
    /// The stored property called `key`, for templates.
    func child(named key: String) -> Any? {
        switch key {
        case "site": self.site
        case "meta": self.meta
        case "breadcrumb": self.breadcrumb
        case "title": self.title
        case "sapo": self.sapo
        case "hasSapo": self.hasSapo
        case "sectionName": self.sectionName
        case "sectionPath": self.sectionPath
        case "publishedISO": self.publishedISO
        case "publishedText": self.publishedText
        case "modifiedISO": self.modifiedISO
        case "modifiedText": self.modifiedText
        case "hasModified": self.hasModified
        case "authors": self.authors
        case "hasAuthors": self.hasAuthors
        case "featuredFigure": self.featuredFigure
        case "body": self.body
        case "tags": self.tags
        case "hasTags": self.hasTags
        case "topic": self.topic
        case "hasTopic": self.hasTopic
        case "related": self.related
        case "hasRelated": self.hasRelated
        case "readMore": self.readMore
        case "hasReadMore": self.hasReadMore
        case "corrections": self.corrections
        case "hasCorrections": self.hasCorrections
        default: nil
        }
    }
}

extension HomePage: MustacheParent {
    /// The stored property called `key`, for templates.
    func child(named key: String) -> Any? {
        switch key {
        case "site": self.site
        case "meta": self.meta
        case "topStory": self.topStory
        case "hasTopStory": self.hasTopStory
        case "featured": self.featured
        case "hasFeatured": self.hasFeatured
        case "latest": self.latest
        case "hasLatest": self.hasLatest
        case "sectionBlocks": self.sectionBlocks
        case "hasSectionBlocks": self.hasSectionBlocks
        case "isEmpty": self.isEmpty
        default: nil
        }
    }
}

extension SectionBlockView: MustacheParent {
    /// The stored property called `key`, for templates.
    func child(named key: String) -> Any? {
        switch key {
        case "name": self.name
        case "path": self.path
        case "lead": self.lead
        case "others": self.others
        case "hasOthers": self.hasOthers
        default: nil
        }
    }
}

extension ListingPage: MustacheParent {
    /// The stored property called `key`, for templates.
    func child(named key: String) -> Any? {
        switch key {
        case "site": self.site
        case "meta": self.meta
        case "breadcrumb": self.breadcrumb
        case "hasBreadcrumb": self.hasBreadcrumb
        case "label": self.label
        case "hasLabel": self.hasLabel
        case "name": self.name
        case "heading": self.heading
        case "description": self.description
        case "hasDescription": self.hasDescription
        case "authorTitle": self.authorTitle
        case "hasAuthorTitle": self.hasAuthorTitle
        case "isSection": self.isSection
        case "isTag": self.isTag
        case "isTopic": self.isTopic
        case "isAuthor": self.isAuthor
        case "subsections": self.subsections
        case "hasSubsections": self.hasSubsections
        case "articles": self.articles
        case "hasArticles": self.hasArticles
        case "countText": self.countText
        case "pageNumber": self.pageNumber
        case "isFirstPage": self.isFirstPage
        case "pagination": self.pagination
        case "templateKind": self.templateKind
        default: nil
        }
    }
}

extension ErrorPage: MustacheParent {
    /// The stored property called `key`, for templates.
    func child(named key: String) -> Any? {
        switch key {
        case "site": self.site
        case "meta": self.meta
        case "status": self.status
        case "title": self.title
        case "message": self.message
        case "homePath": self.homePath
        default: nil
        }
    }
}

extension CorrectionView: MustacheParent {
    /// The stored property called `key`, for templates.
    func child(named key: String) -> Any? {
        switch key {
        case "note": self.note
        case "timeISO": self.timeISO
        case "timeText": self.timeText
        default: nil
        }
    }
}

extension CorrectionsPage: MustacheParent {
    /// The stored property called `key`, for templates.
    func child(named key: String) -> Any? {
        switch key {
        case "site": self.site
        case "meta": self.meta
        case "heading": self.heading
        case "intro": self.intro
        case "entries": self.entries
        case "hasEntries": self.hasEntries
        case "countText": self.countText
        case "pageNumber": self.pageNumber
        case "isFirstPage": self.isFirstPage
        case "pagination": self.pagination
        default: nil
        }
    }
}

extension CorrectionEntry: MustacheParent {
    /// The stored property called `key`, for templates.
    func child(named key: String) -> Any? {
        switch key {
        case "note": self.note
        case "timeISO": self.timeISO
        case "timeText": self.timeText
        case "title": self.title
        case "path": self.path
        case "sectionName": self.sectionName
        case "sectionPath": self.sectionPath
        default: nil
        }
    }
}
