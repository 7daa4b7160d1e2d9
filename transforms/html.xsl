<?xml version="1.0" encoding="UTF-8"?>
<!--
  The HTML reading edition: a static site that works from the file system.
  index.html (title, source, contents, registers) and one page per page of
  common.xsl; notes are markers linking to a list at the page's end (assets/edition.js
  opens them in place); names link to their register entries, which list every mention.

  Nothing from the document becomes active content. Every href or src made from
  document data passes tk:safe-href (common.xsl): a link with another scheme
  (javascript:, data:, vbscript: ...) is rendered as text and reported. An image is
  shown only when teikit.render.media has published it and set rm:src to its copy under
  media/; @url itself never becomes a src. Attributes reach the HTML only as class,
  id, lang, title and datetime values (never style or event handlers), element names
  only from this stylesheet, and text is always text (a TEI <script> is a span, an HTML
  element in the document is dropped and keeps its text). Each page also carries a
  Content-Security-Policy that allows only the site's own script, stylesheet and images.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:teix="http://www.tei-c.org/ns/Examples"
    xmlns:tk="urn:teikit:transforms"
    xmlns:h="urn:teikit:html"
    xmlns:rm="urn:teikit:render"
    exclude-result-prefixes="#all">

  <xsl:import href="common.xsl"/>
  <xsl:include href="mathml.xsl"/>

  <xsl:output method="html" html-version="5" encoding="UTF-8" indent="no"/>

  <!-- Text is copied by the built-in rule (text-only-copy): a template of the stylesheet
       for every text node cost the transform of a book some 3%; an element with no
       template of its own is skipped, its content rendered, as with shallow-skip (mode
       html is applied to nodes only, never to attributes or atomic values). -->
  <xsl:mode name="html" on-no-match="text-only-copy"/>
  <!-- What a page shows inside its shell (h:shell): the opening page's, or a page's. -->
  <xsl:mode name="h:content" on-no-match="fail"/>

  <!-- What a link to a page ends with: an edition that imports these templates for pages
       of another kind (epub.xsl: .xhtml) sets its own. -->
  <xsl:variable name="h:page-extension" as="xs:string" select="'.html'"/>

  <!-- Whether the pages carry a search box (teikit.render.search writes the index after
       the transform); the pages' Content-Security-Policy then lets the index load. -->
  <xsl:param name="search" as="xs:boolean" select="false()"/>
  <xsl:variable name="h:search" as="xs:boolean" select="$search"/>

  <xsl:template match="/">
    <xsl:if test="$opening">
      <xsl:result-document href="index.html" escape-uri-attributes="no">
        <xsl:call-template name="h:opening-page"/>
      </xsl:result-document>
    </xsl:if>
    <xsl:for-each select="$tk:pages">
      <xsl:variable name="i" select="position()"/>
      <xsl:if test="tk:is-written(.)">
        <xsl:result-document href="{tk:page-name(.)}.html" escape-uri-attributes="no">
          <xsl:call-template name="h:page">
            <xsl:with-param name="previous" select="$tk:pages[$i - 1]"/>
            <xsl:with-param name="next" select="$tk:pages[$i + 1]"/>
          </xsl:call-template>
        </xsl:result-document>
      </xsl:if>
    </xsl:for-each>
    <xsl:call-template name="h:report-pointers"/>
  </xsl:template>

  <!-- A link as the HTML serializer escapes it (escape-uri-attributes): normalised to NFC,
       then each character outside printable ASCII written as the %HH of its UTF-8 bytes.
       The pages are written with that escaping of the serializer's off (their result
       documents above): it looks at every attribute of every element written, some 4% of
       the HTML transform of a book, while only a link made from the document's data (a
       pointer, an image's file, an xml:id) may hold a character to escape. Those pass
       here; the others are made of page names (tk:slug: ASCII) and node numbers. -->
  <xsl:function name="h:uri" as="xs:string">
    <xsl:param name="uri" as="xs:string"/>
    <xsl:sequence select="if ($h:escaped-links) then escape-html-uri(normalize-unicode($uri)) else $uri"/>
  </xsl:function>

  <!-- Whether the links are escaped as they are made (h:uri): an edition that imports these
       templates and keeps the serializer's escaping, or reads the links it makes (epub.xsl,
       print.xsl), sets it false and gets its links as they were written. -->
  <xsl:variable name="h:escaped-links" as="xs:boolean" select="true()"/>

  <!-- The same for a link made of a page's name and an element's id (tk:html-id), which
       only an xml:id can make other than ASCII: asked once of the whole collection whether
       one does, not of each of the thousands of such links (notes, names), for h:uri
       costs about what the serializer's escaping did. -->
  <xsl:function name="h:id-link" as="xs:string">
    <xsl:param name="link" as="xs:string"/>
    <xsl:sequence select="if ($h:ascii-ids) then $link else h:uri($link)"/>
  </xsl:function>

  <!-- (escape-html-uri leaves a string of printable ASCII as it is: a scan, not a regular
       expression, which over all the ids of a book took about 0.02 s) -->
  <xsl:variable name="h:ascii-ids" as="xs:boolean"
      select="let $ids := string-join(//@xml:id) return escape-html-uri($ids) eq $ids"/>

  <!-- One pass over every pointer: a link pages may not carry (anywhere, the header too),
       else a pointer into the collection that finds nothing (outside the header). Every
       edition made of these pages (the EPUB too) reports the same. -->
  <xsl:template name="h:report-pointers">
    <!-- The names the mentions found an entry for, by a pointer written without ':', '/'
         or '\': they lead somewhere and every page may carry them (tk:safe-href), so the
         thousands of them are set aside at once, not asked about one by one. -->
    <xsl:variable name="settled" select="($tk:mentions-by-page ! ?names)/.[not(@target)]
        [let $ref := normalize-space(@ref)
         return not(contains($ref, ' ') or contains($ref, ':') or contains($ref, '/') or contains($ref, '\'))]"/>
    <!-- (whether a page is written is asked of what is left, not of the thousands settled) -->
    <xsl:for-each select="(//tei:*[@target or @ref] except $settled)[tk:is-written(.)]">
      <xsl:variable name="from" select="."/>
      <xsl:variable name="in-header" select="exists(ancestor::tei:teiHeader)"/>
      <xsl:variable name="tokens" select="tokenize(normalize-space(string-join(@target | @ref, ' ')), ' ')"/>
      <!-- A name whose one pointer the mentions found an entry for leads somewhere. -->
      <xsl:variable name="found" select="count($tokens) eq 1 and map:contains($h:name-hrefs, generate-id())"/>
      <xsl:for-each select="$tokens">
        <xsl:choose>
          <xsl:when test="empty(tk:safe-href(.))">
            <xsl:message select="'warning: ' || tk:doc-stem($from) || ': ' || local-name($from) || ' links to '
                                 || substring(., 1, 80) || ', which pages may not carry (only '
                                 || string-join($tk:link-schemes, ', ') || ' and relative links, not to another host); shown as text'"/>
          </xsl:when>
          <xsl:when test="not($in-header) and not($found) and not(tk:is-external(.)) and empty(tk:target(., $from))">
            <xsl:message select="'warning: ' || tk:doc-stem($from) || ': ' || local-name($from)
                                 || ' points to ' || . || ', which is not in the collection'"/>
          </xsl:when>
        </xsl:choose>
      </xsl:for-each>
    </xsl:for-each>
  </xsl:template>

  <!-- ===== page shells ===== -->

  <xsl:template name="h:shell">
    <xsl:param name="title" as="xs:string"/>
    <xsl:param name="previous" as="element()?"/>
    <xsl:param name="next" as="element()?"/>
    <xsl:param name="is-index" as="xs:boolean" select="false()"/>
    <html lang="{$tk:book-lang}">
      <head>
        <meta charset="utf-8"/>
        <!-- Defence in depth: only the site's own files may be loaded or run. -->
        <meta http-equiv="Content-Security-Policy"
              content="default-src 'none'; script-src 'self'{if ($h:search) then &quot;; connect-src 'self'&quot; else ''}; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title>
          <xsl:value-of select="if ($is-index) then $tk:book-title else $title || ' — ' || $tk:book-title"/>
        </title>
        <link rel="stylesheet" href="assets/edition.css"/>
        <script src="assets/edition.js" defer="defer"/>
      </head>
      <body>
        <a class="skip" href="#main">Skip to the text</a>
        <header class="site">
          <p class="book"><a href="index.html"><xsl:value-of select="$tk:book-title"/></a></p>
          <xsl:if test="not($is-index)">
            <xsl:call-template name="h:pager">
              <xsl:with-param name="label" select="'Pages'"/>
              <xsl:with-param name="previous" select="$previous"/>
              <xsl:with-param name="next" select="$next"/>
            </xsl:call-template>
          </xsl:if>
        </header>
        <xsl:if test="$h:search">
          <div class="search" role="search" hidden="hidden">
            <label for="search-query">Search the edition</label>
            <input type="search" id="search-query" autocomplete="off" aria-controls="search-results"/>
            <div id="search-results" aria-live="polite"></div>
          </div>
        </xsl:if>
        <main id="main">
          <xsl:if test="$h:search"><xsl:attribute name="data-pagefind-body"/></xsl:if>
          <xsl:apply-templates select="." mode="h:content"/>
        </main>
        <footer class="site">
          <xsl:if test="not($is-index)">
            <xsl:call-template name="h:pager">
              <xsl:with-param name="label" select="'Pages (end)'"/>
              <xsl:with-param name="previous" select="$previous"/>
              <xsl:with-param name="next" select="$next"/>
            </xsl:call-template>
          </xsl:if>
          <p class="made">Rendered from TEI by teikit.</p>
        </footer>
      </body>
    </html>
  </xsl:template>

  <xsl:template name="h:pager">
    <xsl:param name="label" as="xs:string"/>
    <xsl:param name="previous" as="element()?"/>
    <xsl:param name="next" as="element()?"/>
    <nav class="pager" aria-label="{$label}">
      <ul>
        <li class="prev">
          <xsl:choose>
            <xsl:when test="$previous">
              <a rel="prev" href="{tk:page-name($previous)}.html">
                <span class="dir">Previous: </span><xsl:value-of select="tk:page-title($previous)"/>
              </a>
            </xsl:when>
            <xsl:otherwise><a rel="prev" href="index.html"><span class="dir">Previous: </span>Contents</a></xsl:otherwise>
          </xsl:choose>
        </li>
        <li class="up"><a href="index.html">Contents</a></li>
        <xsl:if test="$next">
          <li class="next">
            <a rel="next" href="{tk:page-name($next)}.html">
              <span class="dir">Next: </span><xsl:value-of select="tk:page-title($next)"/>
            </a>
          </li>
        </xsl:if>
      </ul>
    </nav>
  </xsl:template>

  <xsl:template name="h:opening-page">
    <xsl:call-template name="h:shell">
      <xsl:with-param name="title" select="$tk:book-title"/>
      <xsl:with-param name="is-index" select="true()"/>
    </xsl:call-template>
  </xsl:template>

  <!-- What the opening page shows (mode h:content: the shell's main part, written
       straight into the page). -->
  <xsl:template match="document-node()" mode="h:content">
    <xsl:choose>
      <xsl:when test="$tk:title-pages">
        <div class="title-page">
          <xsl:apply-templates select="$tk:title-pages" mode="html">
            <xsl:with-param name="depth" select="1" tunnel="yes"/>
          </xsl:apply-templates>
        </div>
      </xsl:when>
      <xsl:otherwise>
        <div class="title-page">
          <h1><xsl:value-of select="$tk:book-title"/></h1>
          <xsl:for-each select="$tk:book-subtitles"><p class="subtitle"><xsl:value-of select="."/></p></xsl:for-each>
          <xsl:for-each select="$tk:book-authors"><p class="author"><xsl:value-of select="."/></p></xsl:for-each>
        </div>
      </xsl:otherwise>
    </xsl:choose>
    <nav class="toc" aria-labelledby="toc-head">
      <h2 id="toc-head">Contents</h2>
      <ol>
        <xsl:for-each select="$tk:text-pages">
          <li>
            <a href="{tk:page-name(.)}.html"><xsl:value-of select="tk:page-title(.)"/></a>
            <xsl:call-template name="h:toc-sections">
              <xsl:with-param name="page" select="."/>
              <xsl:with-param name="within" select="."/>
            </xsl:call-template>
          </li>
        </xsl:for-each>
      </ol>
      <xsl:if test="$tk:registers">
        <h2 id="registers-head">Registers</h2>
        <ul aria-labelledby="registers-head">
          <xsl:for-each select="$tk:registers">
            <!-- the line break and spaces before "(" are the page's, as they always were -->
            <li><a href="{tk:page-name(.)}.html"><xsl:value-of select="tk:page-title(.)"/></a>
                  (<xsl:value-of select="count(*[@xml:id])"/> entries)</li>
          </xsl:for-each>
        </ul>
      </xsl:if>
    </nav>
    <xsl:if test="$tk:header">
      <section class="about" aria-labelledby="about-head">
        <h2 id="about-head">About this edition</h2>
        <xsl:for-each select="$tk:header/tei:fileDesc/tei:sourceDesc">
          <h3>Source</h3>
          <xsl:apply-templates select="*" mode="html">
            <xsl:with-param name="depth" select="3" tunnel="yes"/>
          </xsl:apply-templates>
        </xsl:for-each>
        <xsl:apply-templates select="$tk:header/tei:fileDesc/tei:publicationStmt/(tei:publisher | tei:availability)" mode="html">
          <xsl:with-param name="depth" select="3" tunnel="yes"/>
        </xsl:apply-templates>
      </section>
    </xsl:if>
  </xsl:template>

  <xsl:template name="h:toc-sections">
    <xsl:param name="page" as="element()"/>
    <xsl:param name="within" as="element()"/>
    <xsl:variable name="sections" select="$within/*[local-name() = $tk:div-names][tei:head]"/>
    <xsl:if test="$sections">
      <ol>
        <xsl:for-each select="$sections">
          <li>
            <a href="{h:id-link(tk:page-name($page) || $h:page-extension || '#' || tk:html-id(.))}"><xsl:value-of select="tk:plain(tei:head[1])"/></a>
            <xsl:call-template name="h:toc-sections">
              <xsl:with-param name="page" select="$page"/>
              <xsl:with-param name="within" select="."/>
            </xsl:call-template>
          </li>
        </xsl:for-each>
      </ol>
    </xsl:if>
  </xsl:template>

  <xsl:template name="h:page">
    <xsl:param name="previous" as="element()?"/>
    <xsl:param name="next" as="element()?"/>
    <xsl:call-template name="h:shell">
      <xsl:with-param name="title" select="tk:page-title(.)"/>
      <xsl:with-param name="previous" select="$previous"/>
      <xsl:with-param name="next" select="$next"/>
    </xsl:call-template>
  </xsl:template>

  <!-- What a page shows. -->
  <xsl:template match="*" mode="h:content">
    <article id="{tk:html-id(.)}" class="page {local-name()} {@type}">
      <xsl:call-template name="h:lang"/>
      <xsl:if test="not(tei:head)">
        <h1><xsl:value-of select="tk:page-title(.)"/></h1>
      </xsl:if>
      <xsl:apply-templates select="tk:loose-milestones(., false()), node(), tk:loose-milestones(., true())" mode="html">
        <xsl:with-param name="depth" select="1" tunnel="yes"/>
      </xsl:apply-templates>
      <xsl:variable name="notes" select="tk:attached-notes(.)"/>
      <xsl:if test="$notes">
        <section class="notes" aria-labelledby="notes-head">
          <h2 id="notes-head">Notes</h2>
          <ol class="notes">
            <xsl:for-each select="$notes">
              <li id="{tk:html-id(.)}">
                <a class="note-label" href="{h:id-link('#' || tk:html-id(.) || '-ref')}" title="Back to the text">
                  <xsl:value-of select="tk:note-label(.)"/>
                </a>
                <xsl:text> </xsl:text>
                <div class="note-body">
                  <xsl:call-template name="h:lang"/>
                  <xsl:apply-templates mode="html">
                    <xsl:with-param name="depth" select="3" tunnel="yes"/>
                  </xsl:apply-templates>
                </div>
                <xsl:text> </xsl:text>
                <a class="back" href="{h:id-link('#' || tk:html-id(.) || '-ref')}" aria-label="Back to the text of note {tk:note-label(.)}">↩</a>
              </li>
            </xsl:for-each>
          </ol>
        </section>
      </xsl:if>
    </article>
  </xsl:template>

  <xsl:template name="h:lang">
    <xsl:if test="@xml:lang"><xsl:attribute name="lang" select="@xml:lang"/></xsl:if>
  </xsl:template>

  <xsl:template name="h:id-and-lang">
    <xsl:if test="@xml:id"><xsl:attribute name="id" select="@xml:id"/></xsl:if>
    <xsl:call-template name="h:lang"/>
  </xsl:template>

  <!-- ===== structure ===== -->

  <!-- Every block of a division is rendered under guard (common.xsl, tk:is-guarded-parent):
       a failure inside it is reported with its location and the block shown as its text. -->
  <xsl:template match="*[map:contains($tk:is-guarded-parent, local-name(..))]" mode="html" priority="10">
    <xsl:try>
      <xsl:next-match/>
      <xsl:catch xmlns:err="http://www.w3.org/2005/xqt-errors">
        <xsl:message select="tk:failure(., $err:description)"/>
        <div class="unrendered tei-{local-name()}"><xsl:value-of select="normalize-space()"/></div>
      </xsl:catch>
    </xsl:try>
  </xsl:template>

  <xsl:template match="tei:teiHeader" mode="html"/>

  <xsl:template _match="{$tk:div-pattern} | tei:floatingText | tei:group | tei:text
                        | tei:front | tei:body | tei:back" mode="html">
    <xsl:param name="depth" tunnel="yes" as="xs:integer"/>
    <xsl:element name="{if (tei:head) then 'section' else 'div'}">
      <xsl:attribute name="id" select="tk:html-id(.)"/>
      <xsl:attribute name="class" select="string-join(('div', @type), ' ')"/>
      <xsl:call-template name="h:lang"/>
      <xsl:apply-templates mode="html">
        <xsl:with-param name="depth" select="$depth + 1" tunnel="yes"/>
      </xsl:apply-templates>
    </xsl:element>
  </xsl:template>

  <xsl:template match="tei:head[local-name(..) = ($tk:div-names, $tk:register-names, 'body', 'front', 'back',
                       'floatingText', 'listBibl', 'castList')]" mode="html">
    <xsl:param name="depth" tunnel="yes" as="xs:integer"/>
    <xsl:element name="h{max((1, min((6, $depth))))}">
      <xsl:call-template name="h:id-and-lang"/>
      <!-- A division's heading has an id of its own: the search index links a passage
           to the heading of the section that holds it. Only its first: a division may have
           more than one head (a play's act and its subtitle). -->
      <xsl:if test="not(@xml:id) and local-name(..) = $tk:div-names and not(tk:is-page(..))
                    and not(preceding-sibling::tei:head)">
        <xsl:attribute name="id" select="tk:html-id(..) || '-head'"/>
      </xsl:if>
      <xsl:apply-templates mode="html"/>
      <xsl:if test="local-name(..) = $tk:div-names and not(tk:is-page(..))">
        <xsl:text> </xsl:text>
        <a class="self" href="{h:id-link('#' || tk:html-id(..))}" aria-label="Link to this section">
          <xsl:if test="$h:search"><xsl:attribute name="data-pagefind-ignore" select="'all'"/></xsl:if>
          <xsl:text>§</xsl:text>
        </a>
      </xsl:if>
    </xsl:element>
  </xsl:template>

  <xsl:template match="tei:head" mode="html">
    <p class="head">
      <xsl:call-template name="h:id-and-lang"/>
      <xsl:apply-templates mode="html"/>
    </p>
  </xsl:template>

  <xsl:template match="tei:p | tei:ab" mode="html">
    <xsl:element name="{if (tk:contains-block(.)) then 'div' else 'p'}">
      <xsl:call-template name="h:id-and-lang"/>
      <xsl:attribute name="class" select="string-join((local-name(), @rend, @type), ' ')"/>
      <xsl:apply-templates mode="html"/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="tei:quote | tei:q | tei:said | tei:cit | tei:epigraph" mode="html">
    <xsl:choose>
      <xsl:when test="tk:is-block(.)">
        <blockquote class="{local-name()}">
          <xsl:call-template name="h:id-and-lang"/>
          <xsl:apply-templates mode="html"/>
        </blockquote>
      </xsl:when>
      <xsl:when test="self::tei:cit">
        <span class="cit"><xsl:call-template name="h:id-and-lang"/><xsl:apply-templates mode="html"/></span>
      </xsl:when>
      <xsl:otherwise>
        <q class="{local-name()}"><xsl:call-template name="h:id-and-lang"/><xsl:apply-templates mode="html"/></q>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:lg" mode="html">
    <div class="lg">
      <xsl:call-template name="h:id-and-lang"/>
      <xsl:apply-templates mode="html"/>
    </div>
  </xsl:template>

  <xsl:template match="tei:l" mode="html">
    <div class="l">
      <xsl:call-template name="h:id-and-lang"/>
      <xsl:if test="@n"><span class="l-n" aria-hidden="true"><xsl:value-of select="@n"/></span></xsl:if>
      <xsl:apply-templates mode="html"/>
    </div>
  </xsl:template>

  <xsl:template match="tei:sp" mode="html">
    <div class="sp">
      <xsl:call-template name="h:id-and-lang"/>
      <xsl:apply-templates mode="html"/>
    </div>
  </xsl:template>

  <xsl:template match="tei:speaker" mode="html">
    <p class="speaker"><xsl:call-template name="h:id-and-lang"/><xsl:apply-templates mode="html"/></p>
  </xsl:template>

  <xsl:template match="tei:stage" mode="html">
    <xsl:variable name="marks" select="tk:stage-marks(.)"/>
    <xsl:element name="{if (tk:is-block(.)) then 'p' else 'span'}">
      <xsl:attribute name="class" select="'stage'"/>
      <xsl:call-template name="h:id-and-lang"/>
      <xsl:value-of select="$marks[1]"/>
      <xsl:apply-templates mode="html"/>
      <xsl:value-of select="$marks[2]"/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="tei:list" mode="html">
    <xsl:apply-templates select="tei:head" mode="html"/>
    <xsl:choose>
      <xsl:when test="tei:label">
        <dl class="list {@type}">
          <xsl:call-template name="h:id-and-lang"/>
          <xsl:for-each select="tei:item">
            <dt><xsl:apply-templates select="preceding-sibling::*[1][self::tei:label]/node()" mode="html"/></dt>
            <dd><xsl:call-template name="h:id-and-lang"/><xsl:apply-templates mode="html"/></dd>
          </xsl:for-each>
        </dl>
      </xsl:when>
      <xsl:otherwise>
        <xsl:element name="{if (@type = ('ordered', 'numbered') or @rend = ('numbered', 'ordered')) then 'ol' else 'ul'}">
          <xsl:call-template name="h:id-and-lang"/>
          <xsl:attribute name="class" select="string-join(('list', @type, @rend), ' ')"/>
          <xsl:apply-templates select="tei:item" mode="html"/>
        </xsl:element>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:apply-templates select="* except (tei:head, tei:item, tei:label)" mode="html"/>
  </xsl:template>

  <xsl:template match="tei:item" mode="html">
    <li><xsl:call-template name="h:id-and-lang"/><xsl:apply-templates mode="html"/></li>
  </xsl:template>

  <xsl:template match="tei:listBibl" mode="html">
    <xsl:param name="depth" tunnel="yes" as="xs:integer"/>
    <section class="listBibl">
      <xsl:call-template name="h:id-and-lang"/>
      <xsl:for-each-group select="* | text()[normalize-space()]" group-adjacent="boolean(self::tei:bibl | self::tei:biblStruct | self::tei:msDesc | self::tei:biblFull)">
        <xsl:choose>
          <xsl:when test="current-grouping-key()">
            <ul class="bibl">
              <xsl:for-each select="current-group()">
                <li><xsl:call-template name="h:id-and-lang"/><xsl:apply-templates select="." mode="html-bibl"/></li>
              </xsl:for-each>
            </ul>
          </xsl:when>
          <xsl:otherwise>
            <xsl:apply-templates select="current-group()" mode="html">
              <xsl:with-param name="depth" select="$depth + 1" tunnel="yes"/>
            </xsl:apply-templates>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:for-each-group>
    </section>
  </xsl:template>

  <!-- ===== manuscript descriptions ===== -->

  <!-- A description as a reader of a catalogue expects it: the manuscript's name as a
       heading, then a labelled section for each part (identifier, contents, physical
       description, history, additional information), each part of those a labelled field
       (an item of the contents a group of its own fields). Notes here are read in place. -->
  <xsl:template match="tei:msDesc | tei:msPart | tei:msFrag" mode="html html-bibl">
    <xsl:param name="depth" tunnel="yes" as="xs:integer"/>
    <section class="msDesc {local-name()}">
      <!-- in a bibliography its list item carries its id -->
      <xsl:if test="@xml:id and not(parent::tei:listBibl)"><xsl:attribute name="id" select="@xml:id"/></xsl:if>
      <xsl:call-template name="h:lang"/>
      <xsl:element name="h{max((1, min((6, $depth + 1))))}">
        <xsl:value-of select="if (self::tei:msDesc) then tk:ms-name(.) else tk:ms-label(.) || ': ' || tk:ms-name(.)"/>
      </xsl:element>
      <xsl:apply-templates select="*" mode="html-ms">
        <xsl:with-param name="depth" select="$depth + 1" tunnel="yes"/>
      </xsl:apply-templates>
    </section>
  </xsl:template>

  <xsl:template match="tei:msIdentifier | tei:msContents | tei:physDesc | tei:history | tei:additional" mode="html-ms">
    <xsl:param name="depth" tunnel="yes" as="xs:integer"/>
    <section class="ms-section {local-name()}">
      <xsl:call-template name="h:id-and-lang"/>
      <xsl:element name="h{max((1, min((6, $depth + 1))))}"><xsl:value-of select="tk:ms-label(.)"/></xsl:element>
      <xsl:apply-templates select="*" mode="html-field"/>
    </section>
  </xsl:template>

  <xsl:template match="tei:msPart | tei:msFrag" mode="html-ms">
    <xsl:apply-templates select="." mode="html"/>
  </xsl:template>

  <xsl:template match="*" mode="html-ms">
    <xsl:apply-templates select="." mode="html-field"/>
  </xsl:template>

  <!-- A field: its label, then its value (or, for a group, its own fields). -->
  <xsl:template match="*" mode="html-field">
    <xsl:choose>
      <xsl:when test="not(normalize-space()) and not(.//tei:graphic)"/>
      <xsl:when test="self::tei:head">
        <p class="head"><xsl:call-template name="h:id-and-lang"/><xsl:apply-templates mode="html"/></p>
      </xsl:when>
      <xsl:when test="local-name() = $tk:ms-blocks">
        <xsl:apply-templates select="." mode="html"/>
      </xsl:when>
      <xsl:when test="self::tei:msDesc or self::tei:msPart or self::tei:msFrag">
        <xsl:apply-templates select="." mode="html"/>
      </xsl:when>
      <xsl:when test="tk:ms-is-group(.) or self::tei:msItem or self::tei:msItemStruct">
        <div class="ms-group {local-name()}">
          <xsl:call-template name="h:id-and-lang"/>
          <p class="ms-label">
            <xsl:value-of select="tk:ms-label(.) || (if (@n) then ' ' || @n else '')"/>
            <xsl:for-each select="tei:locus[1][not(../text()[normalize-space()])]">
              <xsl:text> (</xsl:text><xsl:apply-templates mode="html"/><xsl:text>)</xsl:text>
            </xsl:for-each>
          </p>
          <xsl:apply-templates select="* except tei:locus[1][not(../text()[normalize-space()])]" mode="html-field"/>
        </div>
      </xsl:when>
      <xsl:otherwise>
        <div class="ms-field {local-name()}">
          <xsl:call-template name="h:id-and-lang"/>
          <span class="ms-label"><xsl:value-of select="tk:ms-label(.)"/>: </span>
          <xsl:apply-templates mode="html"/>
        </div>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:bibl | tei:biblFull" mode="html-bibl">
    <xsl:apply-templates mode="html"/>
  </xsl:template>

  <xsl:template match="tei:biblStruct" mode="html-bibl html">
    <xsl:element name="{if (tk:is-block(.)) then 'p' else 'span'}">
      <xsl:attribute name="class" select="'biblStruct'"/>
      <xsl:for-each select="tei:analytic, tei:monogr, tei:series">
        <xsl:variable name="authors" select="(tei:author | tei:editor) ! normalize-space()"/>
        <xsl:if test="exists($authors)"><xsl:value-of select="string-join($authors, ', ')"/>, </xsl:if>
        <xsl:for-each select="tei:title">
          <xsl:if test="position() gt 1">: </xsl:if>
          <cite><xsl:apply-templates mode="html"/></cite>
        </xsl:for-each>
        <xsl:for-each select="tei:imprint">
          <!-- (place: publisher, date), of the parts there are -->
          <xsl:variable name="where" select="string-join((string-join(tei:pubPlace ! normalize-space(), ' and '),
              string-join(tei:publisher ! normalize-space(), ', '))[.], ': ')"/>
          <xsl:if test="$where or tei:date">
            <xsl:text> (</xsl:text>
            <xsl:value-of select="$where"/>
            <xsl:if test="$where and tei:date">, </xsl:if>
            <xsl:apply-templates select="tei:date" mode="html"/>
            <xsl:text>)</xsl:text>
          </xsl:if>
          <xsl:for-each select="* except (tei:pubPlace, tei:publisher, tei:date)">
            <xsl:text> </xsl:text>
            <xsl:apply-templates select="." mode="html"/>
          </xsl:for-each>
        </xsl:for-each>
        <xsl:for-each select="tei:idno">. <xsl:value-of select="(@type, '')[1]"/><xsl:text> </xsl:text><xsl:value-of select="."/>
          <xsl:if test="@subtype"> (<xsl:value-of select="@subtype"/>)</xsl:if></xsl:for-each>
        <xsl:apply-templates select="* except (tei:author, tei:editor, tei:title, tei:imprint, tei:idno)" mode="html"/>
        <xsl:text>. </xsl:text>
      </xsl:for-each>
      <!-- Whatever else it holds (notes, identifiers, links, related items) follows, never dropped;
           a note's words as they stand, not as a footnote of the entry. -->
      <xsl:for-each select="* except (tei:analytic, tei:monogr, tei:series)">
        <xsl:text> </xsl:text>
        <xsl:apply-templates select="if (self::tei:note | self::tei:idno) then node() else ." mode="html"/>
      </xsl:for-each>
    </xsl:element>
  </xsl:template>

  <xsl:template match="tei:table" mode="html">
    <table>
      <xsl:call-template name="h:id-and-lang"/>
      <xsl:if test="tei:head"><caption><xsl:apply-templates select="tei:head/node()" mode="html"/></caption></xsl:if>
      <tbody>
        <xsl:apply-templates select="tei:row" mode="html"/>
      </tbody>
    </table>
  </xsl:template>

  <xsl:template match="tei:row" mode="html">
    <tr>
      <xsl:for-each select="tei:cell">
        <xsl:element name="{if (@role = 'label' or ../@role = 'label') then 'th' else 'td'}">
          <xsl:if test="@cols"><xsl:attribute name="colspan" select="@cols"/></xsl:if>
          <xsl:if test="@rows"><xsl:attribute name="rowspan" select="@rows"/></xsl:if>
          <xsl:call-template name="h:id-and-lang"/>
          <xsl:apply-templates mode="html"/>
        </xsl:element>
      </xsl:for-each>
    </tr>
  </xsl:template>

  <xsl:template match="tei:figure" mode="html">
    <figure>
      <xsl:call-template name="h:id-and-lang"/>
      <!-- text where TEI puts none (hand-made TEI) is kept, as anywhere in mode html -->
      <xsl:apply-templates select="(* except (tei:head, tei:figDesc)) | text()[normalize-space()]" mode="html"/>
      <!-- the description is the image's text (its alt, or its link's), and the caption's
           when no image is shown -->
      <xsl:variable name="described" select="tei:figDesc[not(../tei:graphic[tk:safe-href(@rm:src)
          or tk:link-scheme(string(@url)) = ('http', 'https') and tk:safe-href(@url)])]"/>
      <xsl:if test="tei:head | $described">
        <figcaption>
          <xsl:apply-templates select="tei:head/node()" mode="html"/>
          <xsl:for-each select="$described"><span class="figDesc"><xsl:text> </xsl:text><xsl:apply-templates mode="html"/></span></xsl:for-each>
        </figcaption>
      </xsl:if>
    </figure>
  </xsl:template>

  <!-- Described by its own desc, else its figure's description or heading. Shown only as
       the copy teikit.render.media published (rm:src, under media/); an image
       on the web is a link, never loaded (the edition works offline and tells no server
       who reads it); anything else was refused and reported by teikit.render. -->
  <xsl:template match="tei:graphic" mode="html">
    <xsl:variable name="alt" select="normalize-space((tei:desc, ../tei:figDesc, ../tei:head, '')[1])"/>
    <xsl:choose>
      <xsl:when test="tk:safe-href(@rm:src)">
        <img src="{h:uri(tk:safe-href(@rm:src))}" alt="{$alt}"/>
      </xsl:when>
      <!-- Inside a link (a licence badge in its ref) it is named, not linked: links do not nest. -->
      <xsl:when test="tk:link-scheme(string(@url)) = ('http', 'https') and tk:safe-href(@url)
                      and (ancestor::tei:ref[@target] | ancestor::*[local-name() = $tk:name-elements][@ref])">
        <span class="graphic"><xsl:value-of select="if ($alt) then 'Image: ' || $alt else 'Image'"/></span>
      </xsl:when>
      <xsl:when test="tk:link-scheme(string(@url)) = ('http', 'https') and tk:safe-href(@url)">
        <a class="graphic" href="{h:uri(tk:safe-href(@url))}">
          <xsl:value-of select="if ($alt) then 'Image: ' || $alt else 'Image'"/>
        </a>
      </xsl:when>
      <!-- Not published: the image's own description stands in its place (a figure's is
           shown as its caption). -->
      <xsl:when test="normalize-space(tei:desc)">
        <span class="graphic"><xsl:value-of select="'Image: ' || $alt"/></span>
      </xsl:when>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:titlePage" mode="html">
    <div class="titlePage"><xsl:apply-templates mode="html"/></div>
  </xsl:template>

  <xsl:template match="tei:docTitle" mode="html">
    <xsl:apply-templates mode="html"/>
  </xsl:template>

  <xsl:template match="tei:titlePart" mode="html">
    <xsl:choose>
      <xsl:when test="(@type = 'main' or not(@type)) and not(preceding::tei:titlePart[@type = 'main' or not(@type)] intersect ancestor::tei:titlePage//*)">
        <h1><xsl:call-template name="h:lang"/><xsl:apply-templates mode="html"/></h1>
      </xsl:when>
      <xsl:otherwise>
        <p class="subtitle"><xsl:call-template name="h:lang"/><xsl:apply-templates mode="html"/></p>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A div when it holds another of these (a docImprint its docDate): a p holds no p. -->
  <xsl:template match="tei:docAuthor | tei:docImprint | tei:docDate | tei:docEdition | tei:byline" mode="html">
    <xsl:element name="{if (tk:contains-block(.)) then 'div' else 'p'}">
      <xsl:attribute name="class" select="local-name()"/>
      <xsl:call-template name="h:lang"/>
      <xsl:apply-templates mode="html"/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="tei:opener | tei:closer | tei:salute | tei:signed | tei:dateline | tei:trailer
                       | tei:argument | tei:postscript | tei:castList | tei:spGrp" mode="html">
    <div class="{local-name()}"><xsl:call-template name="h:id-and-lang"/><xsl:apply-templates mode="html"/></div>
  </xsl:template>

  <!-- ===== notes ===== -->

  <!-- A note outside every page (the header's, on the opening page) has no list to be in:
       it is read in place, by the next template. -->
  <xsl:template match="tei:note[tk:is-attached-note(.) and exists(tk:page-of(.))]" mode="html">
    <a class="noteref" id="{tk:html-id(.)}-ref" href="{h:id-link('#' || tk:html-id(.))}" role="doc-noteref">
      <sup><xsl:value-of select="tk:note-label(.)"/></sup>
    </a>
  </xsl:template>

  <!-- In running text (a span) its paragraphs are spans too: a phrase holds no paragraph. -->
  <xsl:template match="tei:note" mode="html">
    <xsl:variable name="block" select="tk:is-block(.)"/>
    <xsl:element name="{if ($block) then 'aside' else 'span'}">
      <xsl:attribute name="class" select="'note-in-place'"/>
      <xsl:call-template name="h:id-and-lang"/>
      <xsl:if test="@n"><span class="note-label"><xsl:value-of select="@n"/>. </span></xsl:if>
      <xsl:for-each select="node()">
        <xsl:choose>
          <xsl:when test="not($block) and (self::tei:p or self::tei:ab)">
            <span class="p"><xsl:call-template name="h:id-and-lang"/><xsl:apply-templates mode="html"/></span>
            <xsl:text> </xsl:text>
          </xsl:when>
          <xsl:otherwise><xsl:apply-templates select="." mode="html"/></xsl:otherwise>
        </xsl:choose>
      </xsl:for-each>
    </xsl:element>
  </xsl:template>

  <!-- ===== names, dates and registers ===== -->

  <!-- Named one by one (not by a predicate) so that matching thousands of names stays cheap;
       the list is $tk:name-elements. -->
  <xsl:template match="tei:persName | tei:placeName | tei:orgName | tei:name | tei:rs | tei:geogName
                       | tei:settlement | tei:country | tei:region | tei:district | tei:bloc" mode="html">
    <!-- A name in the pages of text has its link looked up once (h:name-hrefs); any other
         name's entry is resolved here. -->
    <xsl:variable name="found" select="if (@ref) then $h:name-hrefs(generate-id()) else ()"/>
    <xsl:variable name="entry" select="if (exists($found) or not(@ref)) then () else tk:entry-resolved(.)"/>
    <xsl:variable name="href" select="if (exists($found)) then $found
                                      else if ($entry) then h:entry-href($entry)
                                      else (tokenize(normalize-space(@ref), ' ')[tk:is-external(.)] ! tk:safe-href(.))[1] ! h:uri(.)"/>
    <xsl:choose>
      <xsl:when test="$href and not($h:links-hold-elements and ancestor::*[self::tei:ref[@target] or self::tei:ptr])">
        <a class="name {local-name()}" href="{$href}">
          <xsl:if test="exists($found) or $entry"><xsl:attribute name="id" select="'m' || tk:node-id(.)"/></xsl:if>
          <xsl:call-template name="h:lang"/>
          <xsl:apply-templates mode="html"/>
        </a>
      </xsl:when>
      <xsl:otherwise>
        <span class="name {local-name()}"><xsl:call-template name="h:id-and-lang"/><xsl:apply-templates mode="html"/></span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Where a name links to its entry (escaped, h:id-link): the same for every name of the
       entry, so found once for each entry named in the pages of text (h:entry-hrefs). -->
  <xsl:function name="h:entry-href" as="xs:string?">
    <xsl:param name="entry" as="element()"/>
    <xsl:variable name="id" select="generate-id($entry)"/>
    <xsl:sequence select="if (map:contains($h:entry-hrefs, $id)) then $h:entry-hrefs($id)
                          else tk:href-to($entry, $h:page-extension) ! h:id-link(.)"/>
  </xsl:function>

  <xsl:variable name="h:entry-hrefs" as="map(xs:string, xs:string?)"
      select="map:merge(($tk:mentions-by-page ! ?entry)/. ! map:entry(generate-id(.), tk:href-to(., $h:page-extension) ! h:id-link(.)))"/>

  <!-- The same by the name, for every name in the pages of text (those of tk:name-entries,
       which it stands for here): its entry's link, '' when the entry is on no page. -->
  <xsl:variable name="h:name-hrefs" as="map(xs:string, xs:string)"
      select="map:merge($tk:mentions-by-page ! (let $href := string(h:entry-href(?entry))
                                                return ?names ! map:entry(generate-id(.), $href)))"/>

  <!-- Whether a link of the document (a ref with a target, a ptr) holds any element: a name
       inside one is not made a link (links do not nest). Most books have none, and their
       thousands of names are then rendered without a walk up each one's ancestors (2% of
       the instructions of the HTML transform of the bundled book). Every node mode html
       renders is of the tree the transform reads, which this asks of. -->
  <xsl:variable name="h:links-hold-elements" as="xs:boolean" select="exists(//tei:ref[@target]/* | //tei:ptr/*)"/>

  <xsl:template match="tei:date | tei:time" mode="html">
    <xsl:variable name="when" select="string((@when, @when-iso)[1])"/>
    <xsl:choose>
      <xsl:when test="matches($when, '^\d{4}(-\d\d(-\d\d)?)?$')">
        <time class="date" datetime="{$when}"><xsl:call-template name="h:lang"/><xsl:apply-templates mode="html"/></time>
      </xsl:when>
      <xsl:otherwise>
        <span class="date">
          <xsl:variable name="range" select="string-join(((@from, @notBefore)[1], (@to, @notAfter)[1]), ' – ')"/>
          <xsl:if test="$range or $when"><xsl:attribute name="title" select="($when[.], $range)[1]"/></xsl:if>
          <xsl:call-template name="h:id-and-lang"/>
          <xsl:apply-templates mode="html"/>
        </span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template _match="{$tk:register-pattern}" mode="html">
    <xsl:param name="depth" tunnel="yes" as="xs:integer"/>
    <div class="register {local-name()}">
      <xsl:call-template name="h:id-and-lang"/>
      <xsl:apply-templates mode="html">
        <xsl:with-param name="depth" select="$depth + 1" tunnel="yes"/>
      </xsl:apply-templates>
    </div>
  </xsl:template>

  <xsl:template match="tei:person | tei:place | tei:org | tei:event | tei:personGrp" mode="html">
    <xsl:param name="depth" tunnel="yes" as="xs:integer"/>
    <section class="entry {local-name()}" id="{tk:html-id(.)}">
      <xsl:call-template name="h:lang"/>
      <xsl:element name="h{min((6, $depth + 1))}">
        <xsl:value-of select="tk:entry-name(.)"/>
      </xsl:element>
      <div class="entry-body">
        <xsl:apply-templates select="tk:entry-details(.)" mode="html-entry"/>
      </div>
      <xsl:variable name="pages" select="tk:mention-pages(.)"/>
      <xsl:if test="exists($pages)">
        <p class="mentions">
          <!-- Where the entry is named is navigation, not text: indexed, its page titles and
               mention numbers, repeated for every entry, would make a register page match a
               query for any word of a chapter's title. -->
          <xsl:if test="$h:search"><xsl:attribute name="data-pagefind-ignore" select="'all'"/></xsl:if>
          <xsl:text>In the text: </xsl:text>
          <xsl:for-each select="$pages">
            <xsl:variable name="file" select="tk:page-name(?page) || $h:page-extension"/>
            <xsl:variable name="title" select="tk:page-title(?page)"/>
            <span class="mentions-page">
              <a href="{$file}"><xsl:value-of select="$title"/></a>
              <xsl:text>: </xsl:text>
              <xsl:for-each select="?names">
                <a href="{$file}#m{tk:node-id(.)}" aria-label="mention {position()} in {$title}">
                  <xsl:value-of select="position()"/>
                </a>
                <xsl:if test="position() ne last()"><xsl:text>, </xsl:text></xsl:if>
              </xsl:for-each>
            </span>
            <xsl:if test="position() ne last()"><xsl:text>; </xsl:text></xsl:if>
          </xsl:for-each>
        </p>
      </xsl:if>
    </section>
  </xsl:template>

  <!-- Inside an entry: other names, then the description. -->
  <xsl:template match="*" mode="html-entry">
    <xsl:choose>
      <xsl:when test=". intersect tk:entry-names(..)">
        <p class="entry-name">
          <xsl:if test="not(. is tk:entry-names(..)[1])">Also: </xsl:if>
          <xsl:value-of select="tk:name-text(.)"/>
        </p>
      </xsl:when>
      <xsl:when test="self::tei:location">
        <p class="location"><xsl:apply-templates select="*" mode="html-location"/></p>
      </xsl:when>
      <xsl:when test="tk:is-block(.) or self::tei:note">
        <div class="{local-name()}"><xsl:apply-templates mode="html"/></div>
      </xsl:when>
      <xsl:otherwise>
        <p class="{local-name()}">
          <xsl:value-of select="tk:capitalise(local-name())"/>
          <xsl:if test="@type"> (<xsl:value-of select="@type"/>)</xsl:if>
          <xsl:text>: </xsl:text>
          <xsl:apply-templates mode="html"/>
        </p>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>


  <xsl:template match="*" mode="html-location">
    <xsl:value-of select="if (self::tei:geo) then 'Coordinates: ' || normalize-space() else normalize-space()"/>
    <xsl:if test="position() ne last()"><xsl:text>; </xsl:text></xsl:if>
  </xsl:template>

  <!-- ===== phrase level ===== -->

  <xsl:template match="tei:hi | tei:emph | tei:term | tei:mentioned | tei:gloss | tei:soCalled | tei:foreign
                       | tei:title | tei:label | tei:num | tei:measure | tei:abbr | tei:expan | tei:seg
                       | tei:author | tei:editor | tei:pubPlace | tei:publisher | tei:idno | tei:biblScope
                       | tei:bibl | tei:surname | tei:forename | tei:roleName | tei:addName | tei:unclear
                       | tei:supplied | tei:sic | tei:corr | tei:orig | tei:reg | tei:w | tei:c | tei:pc"
                mode="html">
    <xsl:variable name="rend" select="tokenize(lower-case(string-join((@rend, @rendition), ' ')), '[\s#]+')"/>
    <xsl:variable name="tag" select="
        if (tk:is-block(.)) then 'div'
        else if ($rend = ('sup', 'superscript')) then 'sup'
        else if ($rend = ('sub', 'subscript')) then 'sub'
        else if ($rend = ('bold', 'b', 'strong')) then 'strong'
        else if ($rend = ('italic', 'italics', 'i')) then 'i'
        else if (self::tei:emph) then 'em'
        else if (self::tei:title) then 'cite'
        else if (self::tei:foreign or self::tei:term or self::tei:mentioned or self::tei:soCalled) then 'i'
        else if (self::tei:abbr) then 'abbr'
        else 'span'"/>
    <xsl:if test="$tag ne 'div' and tk:is-spaced-before(.)"><xsl:text> </xsl:text></xsl:if>
    <xsl:element name="{$tag}">
      <xsl:attribute name="class" select="string-join((local-name(), @type[not(contains(., ' '))], $rend[. = ('smallcaps', 'small-caps', 'underline', 'caps')]), ' ')"/>
      <xsl:call-template name="h:id-and-lang"/>
      <xsl:if test="self::tei:supplied or self::tei:unclear">
        <xsl:attribute name="title" select="string-join((if (self::tei:supplied) then 'supplied by the editor' else 'unclear in the source', @reason), ': ')"/>
      </xsl:if>
      <xsl:if test="self::tei:sic and not(parent::tei:choice)"><xsl:attribute name="title" select="'sic: so in the source'"/></xsl:if>
      <xsl:apply-templates mode="html"/>
    </xsl:element>
    <!-- (only those not made to sit inside a word: a biblScope after its title) -->
    <xsl:if test="$tag ne 'div' and tk:is-spaced-after(.)"><xsl:text> </xsl:text></xsl:if>
  </xsl:template>

  <!-- An apparatus entry: its lemma (or the first reading) marked in the text, then a note
       in place naming the witnesses of each reading by their sigla, an omission "om.". -->
  <xsl:template match="tei:app" mode="html">
    <xsl:variable name="shown" select="tk:preferred(.)"/>
    <xsl:element name="{if (tk:is-block(.)) then 'p' else 'span'}">
      <xsl:attribute name="class" select="'app'"/>
      <xsl:call-template name="h:id-and-lang"/>
      <xsl:for-each select="$shown">
        <mark class="{local-name()}">
          <xsl:call-template name="h:lang"/>
          <xsl:if test="@wit | @source"><xsl:attribute name="title" select="tk:sigla(.)"/></xsl:if>
          <xsl:apply-templates mode="html"/>
        </mark>
      </xsl:for-each>
      <!-- the shown reading's witnesses first ("lem." standing for a lemma's words) -->
      <xsl:variable name="entries" select="$shown[@wit | @source], tk:variants(.)"/>
      <xsl:if test="$entries">
        <span class="apparatus" role="note">
          <xsl:text> [</xsl:text>
          <xsl:for-each select="$entries">
            <xsl:choose>
              <xsl:when test=". is $shown and self::tei:lem"><span class="lem">lem.</span></xsl:when>
              <xsl:when test="tk:is-omission(.)"><span class="rdg om">om.</span></xsl:when>
              <xsl:otherwise>
                <span class="rdg"><xsl:call-template name="h:lang"/><xsl:apply-templates mode="html"/></span>
              </xsl:otherwise>
            </xsl:choose>
            <xsl:if test="@wit | @source"><xsl:text> </xsl:text><span class="wit"><xsl:value-of select="tk:sigla(.)"/></span></xsl:if>
            <xsl:if test="position() ne last()">; </xsl:if>
          </xsl:for-each>
          <xsl:text>]</xsl:text>
        </span>
      </xsl:if>
      <xsl:apply-templates select="* except (tei:lem, tei:rdg, tei:rdgGrp)" mode="html"/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="tei:choice | tei:subst" mode="html">
    <xsl:variable name="shown" select="if (self::tei:subst) then * else tk:preferred(.)"/>
    <xsl:element name="{if (tk:is-block(.)) then 'p' else 'span'}">
      <xsl:attribute name="class" select="local-name()"/>
      <xsl:call-template name="h:id-and-lang"/>
      <xsl:apply-templates select="$shown" mode="html"/>
      <xsl:apply-templates select="tei:note | tei:witDetail" mode="html"/>
      <xsl:for-each select="* except ($shown, tei:note, tei:witDetail)">
        <span class="alternative">
          <xsl:text> [</xsl:text>
          <xsl:value-of select="local-name()"/>
          <xsl:if test="@wit"><xsl:text> </xsl:text><xsl:value-of select="@wit"/></xsl:if>
          <xsl:text>: </xsl:text>
          <xsl:apply-templates mode="html"/>
          <xsl:text>]</xsl:text>
        </span>
      </xsl:for-each>
    </xsl:element>
  </xsl:template>

  <xsl:template match="tei:lem | tei:rdg" mode="html">
    <span class="{local-name()}"><xsl:call-template name="h:lang"/><xsl:apply-templates mode="html"/></span>
  </xsl:template>

  <xsl:template match="tei:add" mode="html">
    <ins class="add"><xsl:call-template name="h:id-and-lang"/><xsl:apply-templates mode="html"/></ins>
  </xsl:template>

  <xsl:template match="tei:del" mode="html">
    <del class="del"><xsl:call-template name="h:id-and-lang"/><xsl:apply-templates mode="html"/></del>
  </xsl:template>

  <!-- A line break only between lines: one that opens its element (a speech, a paragraph)
       or stands among blocks would be an empty line. -->
  <xsl:template match="tei:lb" mode="html">
    <xsl:if test="not(local-name(..) = $tk:container-names)
                  and preceding-sibling::node()[normalize-space() or self::*[not(local-name() = ($tk:milestone-names, 'lb'))]]">
      <br>
        <!-- a break inside a word (break="no") is not a space between words -->
        <xsl:if test="@break = 'no'"><xsl:attribute name="class" select="'in-word'"/></xsl:if>
      </br>
    </xsl:if>
  </xsl:template>

  <xsl:template match="tei:pb" mode="html">
    <xsl:if test="@n">
      <span class="pb" role="note" aria-label="page {@n}">
        <xsl:call-template name="h:id-and-lang"/>
        <xsl:value-of select="@n"/>
      </span>
    </xsl:if>
  </xsl:template>

  <xsl:template match="tei:cb | tei:milestone | tei:anchor" mode="html">
    <xsl:if test="@xml:id"><span id="{@xml:id}"/></xsl:if>
  </xsl:template>

  <!-- The editor's description of what is left out is shown ("[illegible]"), else an ellipsis. -->
  <xsl:template match="tei:gap" mode="html">
    <span class="gap" title="{normalize-space(string-join(('omitted', @reason, @quantity, @unit, @extent), ' '))}">
      <xsl:value-of select="'[' || (tk:gap-description(.), '…')[1] || ']'"/>
    </span>
  </xsl:template>

  <xsl:template match="tei:space" mode="html">
    <xsl:text> </xsl:text>
  </xsl:template>

  <xsl:template match="tei:ref | tei:ptr" mode="html">
    <xsl:variable name="href" select="(tokenize(normalize-space(@target), ' ') ! tk:safe-href(tk:href(., current(), $h:page-extension)))[1] ! h:uri(.)"/>
    <xsl:choose>
      <xsl:when test="$href and not(ancestor::tei:ref[@target] | ancestor::*[local-name() = $tk:name-elements][@ref])">
        <a href="{$href}" class="{local-name()}">
          <xsl:call-template name="h:id-and-lang"/>
          <xsl:apply-templates mode="html"/>
          <xsl:if test="self::tei:ptr"><xsl:value-of select="@target"/></xsl:if>
        </a>
      </xsl:when>
      <xsl:otherwise>
        <span class="{local-name()} {@type}">
          <xsl:call-template name="h:id-and-lang"/>
          <xsl:apply-templates mode="html"/>
          <xsl:if test="self::tei:ptr"><xsl:value-of select="@target"/></xsl:if>
        </span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- An example of encoding, as the markup it shows (tk:example-markup). -->
  <xsl:template match="teix:egXML" mode="html">
    <pre class="tei-egXML"><xsl:call-template name="h:id-and-lang"/><code><xsl:value-of select="tk:example-markup(.)"/></code></pre>
  </xsl:template>

  <!-- Whatever this stylesheet does not know keeps its text, as a block or inline. -->
  <xsl:template match="tei:*" mode="html" priority="-1">
    <xsl:variable name="block" select="tk:is-block(.)"/>
    <!-- set apart from the words it touches, as the text edition does (tk:is-spaced-before) -->
    <xsl:if test="not($block) and tk:is-spaced-before(.)"><xsl:text> </xsl:text></xsl:if>
    <xsl:element name="{if ($block) then 'div' else 'span'}">
      <xsl:attribute name="class" select="'tei-' || local-name()"/>
      <xsl:call-template name="h:id-and-lang"/>
      <xsl:apply-templates mode="html"/>
    </xsl:element>
    <xsl:if test="not($block) and tk:is-spaced-after(.)"><xsl:text> </xsl:text></xsl:if>
  </xsl:template>
</xsl:stylesheet>
