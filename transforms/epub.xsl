<?xml version="1.0" encoding="UTF-8"?>
<!--
  The EPUB 3 edition: the files of the publication (everything under EPUB/ in the
  container); teikit.render.epub adds mimetype and META-INF/container.xml, copies the
  images and zips it.

  - EPUB/package.opf: metadata from the teiHeader (identifier, titles, creators and
    contributors with MARC relator roles, language, publisher, rights, source, date and
    dcterms:modified from the document's own dates, never the clock), the manifest and
    the spine.
  - EPUB/title.xhtml: the title page (the text's titlePage, with its picture as the
    cover image; else the header's title and authors); nav.xhtml: the contents (every
    page and its sections), the landmarks and, when the text has page breaks (pb/@n),
    the page list; one XHTML document per page of common.xsl (each division of a part
    made of divisions; the registers outside the text as back matter), with the
    epub:type of its division's @type (e:types) and of its matter (e:matter);
    about.xhtml: the source and the rights, when there is a header. No page takes the
    name of one of these (tk:reserved-names).
  - Notes: a marker `a epub:type="noteref"` leads to an `aside epub:type="footnote"` at
    the end of its document, which links back.

  The pages are made by the templates of html.xsl (mode html), so the EPUB shows what the
  HTML edition shows; only the shell of each document, the note markers, the list of
  notes and the page-break markers are this stylesheet's. Their result is moved into the
  XHTML namespace (mode e:xhtml), as XHTML content documents must be. Nothing here knows a particular book,
  nothing reads the clock, and nothing in the EPUB runs: no script, no event attribute,
  links through tk:safe-href, images only as teikit.render.media published them.
-->
<xsl:stylesheet version="3.0"
    xmlns="http://www.w3.org/1999/xhtml"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:tk="urn:teikit:transforms"
    xmlns:h="urn:teikit:html"
    xmlns:e="urn:teikit:epub"
    xmlns:rm="urn:teikit:render"
    xmlns:epub="http://www.idpf.org/2007/ops"
    xmlns:opf="http://www.idpf.org/2007/opf"
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    exclude-result-prefixes="#all">

  <xsl:import href="html.xsl"/>

  <xsl:output method="xhtml" html-version="5" encoding="UTF-8" indent="no" omit-xml-declaration="no"/>
  <xsl:output name="e:package" method="xml" encoding="UTF-8" indent="yes"/>
  <xsl:output name="e:css" method="text" encoding="UTF-8"/>

  <!-- The identifier when the header gives none (publicationStmt/idno): teikit.render.epub
       derives a UUID from the content, so the same text always gets the same one. -->
  <xsl:param name="identifier" as="xs:string" required="yes"/>

  <xsl:variable name="h:page-extension" as="xs:string" select="'.xhtml'"/>
  <!-- The pages' links are left to the serializer to escape (escape-uri-attributes, as by
       default), and print.xsl reads them as written: see html.xsl, h:uri. -->
  <xsl:variable name="h:escaped-links" as="xs:boolean" select="false()"/>
  <!-- The XHTML documents this stylesheet writes besides the pages, which no page may replace. -->
  <xsl:variable name="tk:reserved-names" as="xs:string+"
      select="('index', 'book', 'assets', 'search', 'media', 'nav', 'title', 'about')"/>

  <xsl:variable name="e:dir" as="xs:string" select="'EPUB/'"/>
  <xsl:variable name="e:stylesheet" as="xs:string" select="'css/edition.css'"/>

  <!-- TEI division types and the EPUB structural semantics term that says the same. -->
  <xsl:variable name="e:types" as="map(xs:string, xs:string)" select="map {
      'chapter': 'chapter', 'part': 'part', 'volume': 'volume', 'preface': 'preface',
      'foreword': 'foreword', 'introduction': 'introduction', 'prologue': 'prologue',
      'epilogue': 'epilogue', 'afterword': 'afterword', 'conclusion': 'conclusion',
      'appendix': 'appendix', 'glossary': 'glossary', 'bibliography': 'bibliography',
      'index': 'index', 'dedication': 'dedication', 'acknowledgments': 'acknowledgments',
      'acknowledgements': 'acknowledgments', 'abstract': 'abstract', 'colophon': 'colophon',
      'imprint': 'imprint', 'figures': 'loi', 'tables': 'lot', 'errata': 'errata'}"/>
  <!-- Types that are front matter wherever they stand. -->
  <xsl:variable name="e:front-types" as="xs:string+"
      select="('imprint', 'contents', 'figures', 'tables', 'dedication', 'preface', 'foreword',
               'acknowledgments', 'acknowledgements', 'abstract', 'abbreviations', 'epigraph', 'titlepage')"/>

  <!-- MARC relator codes for what a respStmt's resp or an editor's role says: the first
       whose word begins a word of it ("translated by" is trl), or the code itself. -->
  <xsl:variable name="e:relators" as="xs:string+"
      select="('translat trl', 'illustrat ill', 'annotat ann', 'introduc aui', 'foreword aui',
               'afterword aft', 'transcri trc', 'encod mrk', 'markup mrk', 'mark-up mrk',
               'compil com', 'proofread pfr', 'narrat nrt', 'photograph pht', 'compos cmp',
               'publish pbl', 'edit edt', 'author aut', 'writ aut')"/>

  <xsl:variable name="e:about" as="xs:boolean" select="exists($tk:header)"/>

  <xsl:template match="/">
    <xsl:result-document href="{$e:dir}title.xhtml">
      <xsl:call-template name="e:title-page"/>
    </xsl:result-document>
    <!-- The pages are made first, so that the navigation lists the page breaks they show. -->
    <xsl:variable name="documents" as="element()*">
      <xsl:for-each select="$tk:pages">
        <xsl:call-template name="e:page"/>
      </xsl:for-each>
    </xsl:variable>
    <xsl:for-each select="$documents">
      <xsl:variable name="i" select="position()"/>
      <xsl:result-document href="{$e:dir}{tk:page-name($tk:pages[$i])}.xhtml">
        <xsl:sequence select="."/>
      </xsl:result-document>
    </xsl:for-each>
    <xsl:result-document href="{$e:dir}nav.xhtml">
      <xsl:call-template name="e:nav">
        <xsl:with-param name="documents" select="$documents"/>
      </xsl:call-template>
    </xsl:result-document>
    <xsl:if test="$e:about">
      <xsl:result-document href="{$e:dir}about.xhtml">
        <xsl:call-template name="e:about"/>
      </xsl:result-document>
    </xsl:if>
    <xsl:result-document href="{$e:dir}{$e:stylesheet}" format="e:css">
      <xsl:value-of select="$e:css"/>
    </xsl:result-document>
    <xsl:result-document href="{$e:dir}package.opf" format="e:package">
      <xsl:call-template name="e:package">
        <xsl:with-param name="documents" select="$documents"/>
      </xsl:call-template>
    </xsl:result-document>
    <xsl:call-template name="h:report-pointers"/>
  </xsl:template>

  <!-- ===== content documents ===== -->

  <!-- One XHTML content document; $content is what mode html made (no namespace), moved
       into XHTML here. -->
  <xsl:template name="e:document">
    <xsl:param name="title" as="xs:string"/>
    <xsl:param name="matter" as="xs:string?"/>
    <xsl:param name="content" as="node()*"/>
    <html lang="{$e:lang}" xml:lang="{$e:lang}">
      <xsl:namespace name="epub" select="'http://www.idpf.org/2007/ops'"/>
      <head>
        <meta charset="utf-8"/>
        <title><xsl:value-of select="e:nav-label($title, $tk:book-title)"/></title>
        <link rel="stylesheet" type="text/css" href="{$e:stylesheet}"/>
      </head>
      <body>
        <xsl:if test="$matter"><xsl:attribute name="epub:type" select="$matter"/></xsl:if>
        <xsl:apply-templates select="$content" mode="e:xhtml"/>
      </body>
    </html>
  </xsl:template>

  <xsl:mode name="e:xhtml" on-no-match="shallow-copy"/>

  <xsl:template match="*[namespace-uri() = '']" mode="e:xhtml">
    <xsl:element name="{local-name()}" namespace="http://www.w3.org/1999/xhtml">
      <xsl:copy-of select="@*"/>
      <xsl:apply-templates mode="e:xhtml"/>
    </xsl:element>
  </xsl:template>

  <!-- A note whose marker html.xsl does not show (one in a place's location, say) keeps its
       text, but its link back would lead nowhere: the label is text. -->
  <xsl:key name="e:id" match="*[@id]" use="string(@id)"/>
  <xsl:template match="*[local-name() = 'a'][@role = 'doc-backlink']" mode="e:xhtml" priority="1">
    <xsl:choose>
      <xsl:when test="exists(key('e:id', substring-after(@href, '#'), root(.)))">
        <xsl:next-match/>
      </xsl:when>
      <xsl:otherwise>
        <span xmlns="http://www.w3.org/1999/xhtml" class="note-label"><xsl:value-of select="."/></span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- html.xsl's links to a section from its own heading (§) serve a web address, not a book. -->
  <xsl:template match="*[local-name() = 'a'][@class = 'self']" mode="e:xhtml" priority="1"/>

  <xsl:template name="e:title-page">
    <xsl:call-template name="e:document">
      <xsl:with-param name="title" select="$tk:book-title"/>
      <xsl:with-param name="matter" select="'frontmatter'"/>
      <xsl:with-param name="content">
        <section class="title-page" epub:type="titlepage">
          <xsl:choose>
            <xsl:when test="$tk:title-pages">
              <xsl:apply-templates select="$tk:title-pages" mode="html">
                <xsl:with-param name="depth" select="1" tunnel="yes"/>
              </xsl:apply-templates>
            </xsl:when>
            <xsl:otherwise>
              <h1><xsl:value-of select="$tk:book-title"/></h1>
              <xsl:for-each select="$tk:book-subtitles"><p class="subtitle"><xsl:value-of select="."/></p></xsl:for-each>
              <xsl:for-each select="$tk:book-authors"><p class="author"><xsl:value-of select="."/></p></xsl:for-each>
            </xsl:otherwise>
          </xsl:choose>
        </section>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="e:page">
    <xsl:variable name="type" select="lower-case(string(@type))"/>
    <xsl:call-template name="e:document">
      <xsl:with-param name="title" select="tk:page-title(.)"/>
      <xsl:with-param name="matter" select="e:matter(.)"/>
      <xsl:with-param name="content">
        <section id="{tk:html-id(.)}" class="page {local-name()} {@type}">
          <xsl:if test="map:contains($e:types, $type)">
            <xsl:attribute name="epub:type" select="$e:types($type)"/>
          </xsl:if>
          <xsl:call-template name="h:lang"/>
          <xsl:if test="not(tei:head)">
            <h1><xsl:value-of select="tk:page-title(.)"/></h1>
          </xsl:if>
          <xsl:apply-templates select="tk:loose-milestones(., false()), node(), tk:loose-milestones(., true())" mode="html">
            <xsl:with-param name="depth" select="1" tunnel="yes"/>
          </xsl:apply-templates>
          <xsl:call-template name="e:footnotes"/>
        </section>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- The notes attached to the text of this page, each linking back to its marker. -->
  <xsl:template name="e:footnotes">
    <xsl:variable name="notes" select="tk:attached-notes(.)"/>
    <xsl:if test="$notes">
      <section class="notes" epub:type="footnotes">
        <h2>Notes</h2>
        <xsl:for-each select="$notes">
          <aside id="{tk:html-id(.)}" class="note" epub:type="footnote" role="doc-footnote">
            <xsl:call-template name="h:lang"/>
            <p class="note-label">
              <a href="#{tk:html-id(.)}-ref" role="doc-backlink" title="Back to the text">
                <xsl:value-of select="tk:note-label(.)"/>
              </a>
            </p>
            <div class="note-body">
              <xsl:apply-templates mode="html">
                <xsl:with-param name="depth" select="3" tunnel="yes"/>
              </xsl:apply-templates>
            </div>
          </aside>
        </xsl:for-each>
      </section>
    </xsl:if>
  </xsl:template>

  <!-- The marker of a note (html.xsl's, with the EPUB's semantics). -->
  <xsl:template match="tei:note[tk:is-attached-note(.) and exists(tk:page-of(.))]" mode="html">
    <a class="noteref" id="{tk:html-id(.)}-ref" href="#{tk:html-id(.)}" epub:type="noteref" role="doc-noteref">
      <sup><xsl:value-of select="tk:note-label(.)"/></sup>
    </a>
  </xsl:template>

  <!-- A page break of the source: shown as html.xsl shows it, and listed in the page list. -->
  <xsl:template match="tei:pb[normalize-space(@n)]" mode="html">
    <span class="pb" id="{tk:html-id(.)}" title="{normalize-space(@n)}" epub:type="pagebreak" role="doc-pagebreak">
      <xsl:value-of select="normalize-space(@n)"/>
    </span>
  </xsl:template>

  <xsl:template name="e:about">
    <xsl:call-template name="e:document">
      <xsl:with-param name="title" select="'About this edition'"/>
      <xsl:with-param name="matter" select="'backmatter'"/>
      <xsl:with-param name="content">
        <section class="about" epub:type="colophon">
          <h1>About this edition</h1>
          <xsl:for-each select="$tk:header/tei:fileDesc/tei:sourceDesc">
            <h2>Source</h2>
            <xsl:apply-templates select="*" mode="html">
              <xsl:with-param name="depth" select="3" tunnel="yes"/>
            </xsl:apply-templates>
          </xsl:for-each>
          <xsl:apply-templates select="$tk:header/tei:fileDesc/tei:publicationStmt/(tei:publisher | tei:availability)" mode="html">
            <xsl:with-param name="depth" select="3" tunnel="yes"/>
          </xsl:apply-templates>
        </section>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- Front, body or back matter: the part the page stands in, its text's type, its own type. -->
  <xsl:function name="e:matter" as="xs:string">
    <xsl:param name="page" as="element()"/>
    <xsl:variable name="part" select="$page/ancestor-or-self::*[self::tei:front or self::tei:body or self::tei:back][1]"/>
    <xsl:variable name="text-type" select="lower-case(string($page/ancestor::tei:text[1]/@type))"/>
    <xsl:sequence select="
        if (empty($part) or $part/self::tei:back or $text-type = ('back', 'backmatter')) then 'backmatter'
        else if ($part/self::tei:front or $text-type = ('front', 'frontmatter')
                 or lower-case(string($page/@type)) = $e:front-types) then 'frontmatter'
        else 'bodymatter'"/>
  </xsl:function>

  <!-- ===== navigation ===== -->

  <xsl:function name="e:nav-label" as="xs:string">
    <xsl:param name="label" as="xs:string"/>
    <xsl:param name="fallback" as="xs:string"/>
    <xsl:sequence select="if (normalize-space($label)) then normalize-space($label) else $fallback"/>
  </xsl:function>

  <xsl:template name="e:nav">
    <xsl:param name="documents" as="element()*"/>
    <xsl:variable name="page-list" as="element()*">
      <xsl:for-each select="$documents">
        <xsl:variable name="i" select="position()"/>
        <xsl:variable name="file" select="tk:page-name($tk:pages[$i]) || '.xhtml'"/>
        <xsl:for-each select=".//*[@epub:type = 'pagebreak']">
          <li><a href="{$file}#{@id}"><xsl:value-of select="@title"/></a></li>
        </xsl:for-each>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="first-body" select="($tk:text-pages[e:matter(.) = 'bodymatter'], $tk:text-pages)[1]"/>
    <xsl:call-template name="e:document">
      <xsl:with-param name="title" select="'Contents'"/>
      <xsl:with-param name="matter" select="'frontmatter'"/>
      <xsl:with-param name="content">
        <nav id="toc" epub:type="toc" role="doc-toc">
          <h1>Contents</h1>
          <ol>
            <li><a href="title.xhtml">Title page</a></li>
            <xsl:for-each select="$tk:pages">
              <li>
                <a href="{tk:page-name(.)}.xhtml"><xsl:value-of select="e:nav-label(tk:page-title(.), 'Page ' || position())"/></a>
                <xsl:call-template name="e:nav-sections">
                  <xsl:with-param name="page" select="."/>
                  <xsl:with-param name="within" select="."/>
                </xsl:call-template>
              </li>
            </xsl:for-each>
            <xsl:if test="$e:about"><li><a href="about.xhtml">About this edition</a></li></xsl:if>
          </ol>
        </nav>
        <xsl:if test="$page-list">
          <nav epub:type="page-list" hidden="hidden">
            <h2>Pages of the source</h2>
            <ol><xsl:sequence select="$page-list"/></ol>
          </nav>
        </xsl:if>
        <nav epub:type="landmarks" hidden="hidden">
          <h2>Landmarks</h2>
          <ol>
            <li><a epub:type="titlepage" href="title.xhtml">Title page</a></li>
            <li><a epub:type="toc" href="nav.xhtml#toc">Contents</a></li>
            <xsl:if test="$first-body">
              <li><a epub:type="bodymatter" href="{tk:page-name($first-body)}.xhtml">
                <xsl:value-of select="e:nav-label(tk:page-title($first-body), 'Start')"/></a></li>
            </xsl:if>
            <xsl:for-each select="'bibliography', 'index', 'glossary'">
              <xsl:variable name="term" select="."/>
              <xsl:variable name="page" select="$tk:pages[lower-case(@type) = $term][1]"/>
              <xsl:if test="$page">
                <li><a epub:type="{$term}" href="{tk:page-name($page)}.xhtml">
                  <xsl:value-of select="e:nav-label(tk:page-title($page), tk:capitalise($term))"/></a></li>
              </xsl:if>
            </xsl:for-each>
          </ol>
        </nav>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- The sections of a page, as html.xsl lists them on its opening page, with a label
       even for a heading without words (a navigation entry may not be empty). -->
  <xsl:template name="e:nav-sections">
    <xsl:param name="page" as="element()"/>
    <xsl:param name="within" as="element()"/>
    <xsl:variable name="sections" select="$within/*[local-name() = $tk:div-names][tei:head]"/>
    <xsl:if test="$sections">
      <ol>
        <xsl:for-each select="$sections">
          <li>
            <a href="{tk:page-name($page)}.xhtml#{tk:html-id(.)}">
              <xsl:value-of select="e:nav-label(tk:plain(tei:head[1]), 'Section ' || position())"/>
            </a>
            <xsl:call-template name="e:nav-sections">
              <xsl:with-param name="page" select="$page"/>
              <xsl:with-param name="within" select="."/>
            </xsl:call-template>
          </li>
        </xsl:for-each>
      </ol>
    </xsl:if>
  </xsl:template>

  <!-- ===== the package document ===== -->

  <!-- A language tag as BCP 47 writes it, else 'und' (undetermined). -->
  <xsl:variable name="e:lang" as="xs:string"
      select="if (matches($tk:book-lang, '^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$')) then $tk:book-lang else 'und'"/>

  <xsl:variable name="e:publication" select="$tk:header/tei:fileDesc/tei:publicationStmt"/>

  <!-- The publication's own number (an ISBN, a DOI, an ebook number...): an idno of the
       publication statement, except the bare address of a web site (the publisher's, not
       this text's); else the identifier derived from the content. -->
  <xsl:variable name="e:identifier" as="xs:string">
    <xsl:variable name="own" select="$e:publication/tei:idno[normalize-space()]
        [not(matches(normalize-space(), '^[a-z][a-z0-9+.\-]*://[^/]+/?$', 'i'))][1]"/>
    <xsl:sequence select="if (lower-case($own/@type) = 'isbn') then 'urn:isbn:' || replace($own, '[^0-9Xx]', '')
                          else if ($own) then normalize-space($own) else $identifier"/>
  </xsl:variable>

  <!-- A TEI date (@when, @when-iso or the text) as an instant in UTC; empty when it is not one. -->
  <xsl:function name="e:instant" as="xs:dateTime?">
    <xsl:param name="value" as="xs:string"/>
    <xsl:variable name="v" select="normalize-space($value)"/>
    <xsl:sequence select="
        if ($v castable as xs:dateTime) then adjust-dateTime-to-timezone(xs:dateTime($v), xs:dayTimeDuration('PT0S'))
        else if (matches($v, '^\d{4}-\d\d-\d\d$') and $v castable as xs:date) then xs:dateTime($v || 'T00:00:00Z')
        else if (matches($v, '^\d{4}-\d\d$') and ($v || '-01') castable as xs:date) then xs:dateTime($v || '-01T00:00:00Z')
        else if (matches($v, '^\d{4}$')) then xs:dateTime($v || '-01-01T00:00:00Z')
        else ()"/>
  </xsl:function>

  <xsl:function name="e:instants" as="xs:dateTime*">
    <xsl:param name="dates" as="element()*"/>
    <xsl:sequence select="$dates ! e:instant(string((@when, @when-iso, .)[1]))"/>
  </xsl:function>

  <!-- When the edition was last changed, by its own account: the newest of the revision
       history and the publication date; failing both, the newest date in the header (the
       source's); failing that, the earliest instant EPUB can state. -->
  <xsl:variable name="e:modified" as="xs:string">
    <xsl:variable name="own" select="max((e:instants($tk:header/tei:revisionDesc//tei:change),
                                          e:instants($e:publication/tei:date)))"/>
    <xsl:variable name="any" select="max(e:instants($tk:header//tei:date))"/>
    <xsl:variable name="when" select="($own, $any, xs:dateTime('1970-01-01T00:00:00Z'))[1]"/>
    <xsl:sequence select="format-dateTime($when, '[Y0001]-[M01]-[D01]T[H01]:[m01]:[s01]Z')"/>
  </xsl:variable>

  <xsl:function name="e:words" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="normalize-space(string-join($e//text(), ' ')) => replace(' ([,.;:)])', '$1')"/>
  </xsl:function>

  <!-- A person's name as shown, and sorted by ("Surname, Forename") when the TEI says which is which. -->
  <xsl:function name="e:person" as="xs:string">
    <xsl:param name="who" as="element()"/>
    <xsl:variable name="name" select="($who/(tei:persName | tei:orgName | tei:name), $who)[1]"/>
    <xsl:sequence select="tk:name-text($name)"/>
  </xsl:function>

  <xsl:function name="e:file-as" as="xs:string?">
    <xsl:param name="who" as="element()"/>
    <xsl:variable name="name" select="($who/tei:persName, $who)[1]"/>
    <xsl:sequence select="if ($name/tei:surname)
                          then string-join((normalize-space(string-join($name/tei:surname, ' ')),
                                            normalize-space(string-join($name/(* except tei:surname), ' '))[.]), ', ')
                          else ()"/>
  </xsl:function>

  <xsl:function name="e:relator" as="xs:string?">
    <xsl:param name="said" as="xs:string*"/>
    <xsl:variable name="words" select="tokenize(lower-case(string-join($said, ' ')), '[^a-z-]+')[.]"/>
    <xsl:variable name="codes" select="$e:relators ! substring-after(., ' ')"/>
    <xsl:sequence select="($words[. = $codes],
                           $e:relators[let $stem := substring-before(., ' ') return some $w in $words satisfies starts-with($w, $stem)])[1]
                          ! (if (contains(., ' ')) then substring-after(., ' ') else .)"/>
  </xsl:function>

  <!-- $documents: the pages' content documents, in the order of $tk:pages; a page that
       holds MathML says so (EPUB requires the "mathml" property of exactly those). -->
  <xsl:template name="e:package">
    <xsl:param name="documents" as="element()*"/>
    <xsl:variable name="titles" select="$tk:titles"/>
    <xsl:variable name="graphics" select="//tei:graphic[tk:safe-href(@rm:src)]"/>
    <xsl:variable name="cover" select="($tk:title-pages//tei:graphic[tk:safe-href(@rm:src)])[1]"/>
    <package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="pub-id" xml:lang="{$e:lang}">
      <xsl:namespace name="dc" select="'http://purl.org/dc/elements/1.1/'"/>
      <metadata>
        <dc:identifier id="pub-id"><xsl:value-of select="$e:identifier"/></dc:identifier>
        <dc:title id="title"><xsl:value-of select="$tk:book-title"/></dc:title>
        <meta refines="#title" property="title-type">main</meta>
        <xsl:for-each select="$tk:book-subtitles">
          <dc:title id="subtitle-{position()}"><xsl:value-of select="."/></dc:title>
          <meta refines="#subtitle-{position()}" property="title-type">subtitle</meta>
        </xsl:for-each>
        <xsl:variable name="statement" select="$tk:header/tei:fileDesc/tei:titleStmt"/>
        <xsl:for-each select="$statement/tei:author[normalize-space()], $statement/tei:editor[normalize-space()]">
          <xsl:variable name="id" select="'creator-' || position()"/>
          <dc:creator id="{$id}"><xsl:value-of select="e:person(.)"/></dc:creator>
          <meta refines="#{$id}" property="role" scheme="marc:relators">
            <xsl:value-of select="if (self::tei:author) then 'aut' else (e:relator(@role), 'edt')[1]"/>
          </meta>
          <xsl:for-each select="e:file-as(.)">
            <meta refines="#{$id}" property="file-as"><xsl:value-of select="."/></meta>
          </xsl:for-each>
        </xsl:for-each>
        <xsl:for-each select="$tk:header/tei:fileDesc/(tei:titleStmt | tei:editionStmt)/tei:respStmt
                              /(tei:persName | tei:name | tei:orgName)[normalize-space()]">
          <xsl:variable name="id" select="'contributor-' || position()"/>
          <dc:contributor id="{$id}"><xsl:value-of select="tk:name-text(.)"/></dc:contributor>
          <meta refines="#{$id}" property="role" scheme="marc:relators">
            <xsl:value-of select="(e:relator(../tei:resp ! (@key, @ref, string(.))), 'ctb')[1]"/>
          </meta>
        </xsl:for-each>
        <dc:language><xsl:value-of select="$e:lang"/></dc:language>
        <xsl:for-each select="$e:publication/(tei:publisher | tei:distributor | tei:authority)[normalize-space()][1]">
          <dc:publisher><xsl:value-of select="e:words(.)"/></dc:publisher>
        </xsl:for-each>
        <xsl:for-each select="($e:publication/tei:date ! e:instant(string((@when, @when-iso, .)[1])))[1]">
          <dc:date><xsl:value-of select="format-dateTime(., '[Y0001]-[M01]-[D01]')"/></dc:date>
        </xsl:for-each>
        <xsl:for-each select="$e:publication/tei:availability[normalize-space()]">
          <dc:rights><xsl:value-of select="e:words(.)"/></dc:rights>
        </xsl:for-each>
        <xsl:for-each select="$tk:header/tei:fileDesc/tei:sourceDesc/*[normalize-space()]">
          <dc:source><xsl:value-of select="e:words(.)"/></dc:source>
        </xsl:for-each>
        <meta property="dcterms:modified"><xsl:value-of select="$e:modified"/></meta>
        <!-- What a reader needs to know before choosing the book (schema.org accessibility):
             only what this stylesheet itself makes sure of. -->
        <meta property="schema:accessMode">textual</meta>
        <xsl:if test="$graphics"><meta property="schema:accessMode">visual</meta></xsl:if>
        <xsl:if test="every $g in $graphics satisfies normalize-space(($g/../tei:figDesc, $g/../tei:head)[1])">
          <meta property="schema:accessModeSufficient">textual</meta>
        </xsl:if>
        <meta property="schema:accessibilityFeature">tableOfContents</meta>
        <meta property="schema:accessibilityFeature">structuralNavigation</meta>
        <xsl:if test="$tk:pages//tei:pb[normalize-space(@n)]">
          <meta property="schema:accessibilityFeature">pageNavigation</meta>
          <meta property="schema:accessibilityFeature">printPageNumbers</meta>
        </xsl:if>
        <meta property="schema:accessibilityHazard">none</meta>
      </metadata>
      <manifest>
        <item id="title-page" href="title.xhtml" media-type="application/xhtml+xml"/>
        <item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>
        <xsl:for-each select="$tk:pages">
          <xsl:variable name="i" select="position()"/>
          <item id="page-{tk:page-name(.)}" href="{tk:page-name(.)}.xhtml" media-type="application/xhtml+xml">
            <xsl:if test="$documents[$i]//*[namespace-uri() = 'http://www.w3.org/1998/Math/MathML']">
              <xsl:attribute name="properties" select="'mathml'"/>
            </xsl:if>
          </item>
        </xsl:for-each>
        <xsl:if test="$e:about">
          <item id="about" href="about.xhtml" media-type="application/xhtml+xml"/>
        </xsl:if>
        <item id="css" href="{$e:stylesheet}" media-type="text/css"/>
        <xsl:for-each-group select="$graphics" group-by="string(@rm:src)">
          <xsl:sort select="current-grouping-key()"/>
          <item id="image-{position()}" href="{current-grouping-key()}" media-type="{e:image-type(current-grouping-key())}">
            <xsl:if test="current-group() intersect $cover"><xsl:attribute name="properties" select="'cover-image'"/></xsl:if>
          </item>
        </xsl:for-each-group>
      </manifest>
      <spine>
        <itemref idref="title-page"/>
        <itemref idref="nav"/>
        <xsl:for-each select="$tk:pages">
          <itemref idref="page-{tk:page-name(.)}"/>
        </xsl:for-each>
        <xsl:if test="$e:about"><itemref idref="about"/></xsl:if>
      </spine>
    </package>
  </xsl:template>

  <!-- The media type of a published image (teikit.render.media publishes only these). -->
  <xsl:function name="e:image-type" as="xs:string">
    <xsl:param name="href" as="xs:string"/>
    <xsl:variable name="ext" select="lower-case(replace($href, '^.*\.', ''))"/>
    <xsl:sequence select="if ($ext = ('jpg', 'jpeg')) then 'image/jpeg' else 'image/' || $ext"/>
  </xsl:function>

  <!-- ===== the stylesheet ===== -->

  <!-- Reading systems set the font and the page; this only says what html.xsl's classes mean. -->
  <xsl:variable name="e:css" as="xs:string">
body { margin: 0 1em; }
h1, h2, h3, h4, h5, h6 { line-height: 1.2; page-break-after: avoid; break-after: avoid; }
.title-page { text-align: center; margin-top: 20%; }
.title-page h1 { font-size: 2em; }
.subtitle, .docAuthor, .author { font-size: 1.2em; }
p { margin: 0; text-indent: 1.5em; }
h1 + p, h2 + p, h3 + p, h4 + p, blockquote p, .note p, .title-page p, .about p, li p { text-indent: 0; }
blockquote { margin: 1em 2em; }
.lg { margin: 1em 0 1em 2em; }
.l { text-indent: -1em; padding-left: 1em; }
.l-n { float: right; margin-left: 1em; text-indent: 0; font-size: 0.8em; }
mark.lem, mark.rdg { background: none; border-bottom: 1px dotted gray; color: inherit; }
.apparatus { font-size: 0.8em; color: gray; }
.apparatus .wit { font-style: italic; }
.ms-group { margin: 0.3em 0 0.3em 1em; }
.ms-label { font-weight: bold; text-indent: 0; }
.ms-field { margin: 0.2em 0 0.2em 1em; }
.sp { margin: 0.5em 0; }
.speaker { font-variant: small-caps; text-indent: 0; }
.stage { font-style: italic; }
.pb { font-size: 0.7em; vertical-align: super; color: gray; }
.noteref { text-decoration: none; }
.notes { margin-top: 2em; border-top: 1px solid gray; font-size: 0.9em; }
.note { margin: 0.5em 0; }
.note-label { display: inline; text-indent: 0; font-weight: bold; }
.note-body { display: inline; }
figure { margin: 1em 0; text-align: center; }
img { max-width: 100%; }
figcaption { font-size: 0.9em; }
table { border-collapse: collapse; }
td, th { border: 1px solid gray; padding: 0.2em 0.4em; }
.smallcaps, .small-caps { font-variant: small-caps; }
.underline { text-decoration: underline; }
.mentions { font-size: 0.9em; }
.entry { margin-bottom: 1em; }
.opener, .closer, .dateline, .salute, .signed { margin: 0.5em 0; }
  </xsl:variable>
</xsl:stylesheet>
