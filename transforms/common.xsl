<?xml version="1.0" encoding="UTF-8"?>
<!--
  What the HTML and the text editions share: how a collection of TEI documents is cut
  into pages, what each page is called, where a pointer leads, which elements are blocks.

  The input is one tree: a teiCorpus (or TEI) whose documents carry xml:base, the
  absolute URI of the file each came from (teikit.render puts it there). Nothing here
  knows any particular book.

  Links: every URL taken from the document that a page may carry goes through
  tk:safe-href, which lets through only the schemes of the parameter link-schemes
  (teikit.access.LINK_SCHEMES, passed by teikit.render: the one place that list is
  decided) and relative references, reading the scheme as a browser does.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:tk="urn:teikit:transforms"
    xmlns:rm="urn:teikit:render"
    xmlns:teix="http://www.tei-c.org/ns/Examples"
    exclude-result-prefixes="#all">

  <!-- The link schemes a page may carry, space-separated; required so that no list other
       than teikit.access.LINK_SCHEMES can be used by mistake. -->
  <xsl:param name="link-schemes" as="xs:string" required="yes"/>
  <xsl:variable name="tk:link-schemes" as="xs:string*" select="tokenize(lower-case($link-schemes))"/>

  <!-- Rendering a collection a few documents at a time (teikit.render.windows): the tree
       holds some documents whole and the others as outlines (outline.xsl, marked
       rm:outline), and only the pages of the whole ones are written. $node-bases gives,
       for each document of the tree in turn, the number its root has in the tree of the
       whole collection, so that tk:node-id names every element as that tree would.
       Empty (the default): the tree is the whole collection. -->
  <xsl:param name="node-bases" as="xs:string" select="''"/>
  <xsl:variable name="tk:node-bases" as="xs:integer*" select="tokenize($node-bases) ! xs:integer(.)"/>
  <!-- Whether this run writes the opening page (index.html; in the text edition, the
       title and contents at the head of book.txt). -->
  <xsl:param name="opening" as="xs:boolean" select="true()"/>

  <!-- Whether an element's page is written by this run (not in an outline). -->
  <xsl:function name="tk:is-written" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="empty($tk:node-bases) or empty($e/ancestor-or-self::*[@rm:outline])"/>
  </xsl:function>

  <!-- An example of encoding (egXML) is shown as the markup it is, not read as text: its
       content serialised, the Examples namespace left out (it is the example's frame, not
       part of it), blank lines at either end dropped and the indentation all its lines
       share removed (a tab counted as eight spaces). -->
  <xsl:function name="tk:example-markup" as="xs:string">
    <xsl:param name="example" as="element()"/>
    <xsl:variable name="plain" as="node()*">
      <xsl:apply-templates select="$example/node()" mode="tk:example"/>
    </xsl:variable>
    <xsl:variable name="markup" select="serialize($plain, map {'method': 'xml', 'omit-xml-declaration': true()})"/>
    <xsl:variable name="lines" select="tokenize(replace($markup, '&#9;', '        '), '\r?\n')"/>
    <xsl:variable name="written" select="index-of($lines ! boolean(normalize-space(.)), true())"/>
    <xsl:variable name="kept" select="if (empty($written)) then () else subsequence($lines, $written[1], $written[last()] - $written[1] + 1)"/>
    <xsl:variable name="margin" select="(min($kept[normalize-space()] ! (string-length(.) - string-length(replace(., '^ +', '')))), 0)[1]"/>
    <xsl:sequence select="string-join($kept ! substring(., $margin + 1), '&#10;')"/>
  </xsl:function>

  <xsl:mode name="tk:example" on-no-match="shallow-copy"/>

  <xsl:template match="teix:*" mode="tk:example">
    <xsl:element name="{local-name()}">
      <xsl:copy-of select="@*"/>
      <xsl:apply-templates mode="tk:example"/>
    </xsl:element>
  </xsl:template>

  <!-- What an editor wrote of a gap ("illegible", "1 page duplicate"), to show in its place:
       its desc, else nothing. -->
  <xsl:function name="tk:gap-description" as="xs:string?">
    <xsl:param name="gap" as="element()"/>
    <xsl:sequence select="normalize-space(string-join($gap/tei:desc, '; '))[.]"/>
  </xsl:function>

  <xsl:key name="tk:id" match="*[@xml:id]" use="string(@xml:id)"/>
  <!-- The files of the collection by their URI: only a root teikit.render marked as read
       from a file (rm:origin, which no document can write) names one; a TEI inside a corpus
       file writing another file's URI as its xml:base would otherwise capture its pointers. -->
  <xsl:key name="tk:doc" match="tei:TEI[@rm:origin] | tei:teiCorpus[@rm:origin]" use="tk:uri-key(tk:base(.))"/>

  <xsl:variable name="tk:name-elements" as="xs:string+"
      select="('persName', 'placeName', 'orgName', 'name', 'rs', 'geogName', 'settlement',
               'country', 'region', 'district', 'bloc')"/>
  <!-- (static, as is the list of registers: the templates of html.xsl and text.xsl for
       these elements match them by a pattern made of the names, tk:div-pattern) -->
  <xsl:variable name="tk:div-names" as="xs:string+" static="yes"
      select="('div', 'div1', 'div2', 'div3', 'div4', 'div5', 'div6', 'div7')"/>
  <xsl:variable name="tk:title-page-names" as="xs:string+"
      select="('titlePage', 'docTitle', 'docAuthor', 'docImprint', 'docDate', 'docEdition', 'byline')"/>
  <xsl:variable name="tk:register-names" as="xs:string+" static="yes"
      select="('listPerson', 'listPlace', 'listOrg', 'listEvent')"/>
  <!-- Patterns that match an element of these names in any namespace, as a test of
       local-name() = $tk:div-names does. A template rule whose pattern is a name is tried
       only on elements of that name; a predicate (*[local-name() = ...]) is tried on every
       element the mode meets, before the rules for its own name (its priority is higher),
       and cost the HTML transform of a book a tenth of its time. -->
  <xsl:variable name="tk:div-pattern" as="xs:string" static="yes"
      select="string-join($tk:div-names ! ('*:' || .), ' | ')"/>
  <xsl:variable name="tk:register-pattern" as="xs:string" static="yes"
      select="string-join($tk:register-names ! ('*:' || .), ' | ')"/>
  <!-- Elements that are blocks wherever they stand. -->
  <xsl:variable name="tk:block-names" as="xs:string+"
      select="($tk:div-names, 'p', 'ab', 'lg', 'l', 'list', 'listBibl', 'table', 'figure', 'sp',
               'castList', 'floatingText', $tk:register-names, 'person', 'place', 'org', 'event',
               'opener', 'closer', 'salute', 'signed', 'dateline', 'trailer', 'epigraph',
               'argument', 'postscript', 'titlePage', 'docTitle', 'titlePart', 'docAuthor',
               'docImprint', 'docDate', 'docEdition', 'byline', 'biblStruct', 'listApp', 'spGrp',
               'address', 'msDesc', 'msPart', 'msFrag', 'egXML')"/>
  <!-- Parents whose children are blocks: a quote, stage direction or note there stands alone. -->
  <xsl:variable name="tk:container-names" as="xs:string+"
      select="($tk:div-names, 'body', 'front', 'back', 'text', 'group', 'sp', 'spGrp', 'floatingText',
               'listBibl', 'castList', 'titlePage', 'figure', 'lg', 'epigraph', 'argument',
               $tk:register-names, 'person', 'place', 'org', 'event', 'address')"/>
  <!-- Phrase-level elements that may stand inside a word (a letter in italics, an expanded
       abbreviation, a supplied syllable): the words around them are never spaced apart.
       Any other element met in running text that ends right where another begins is a
       unit of its own (an addrLine, a customisation's element): spaces set it apart. -->
  <xsl:variable name="tk:in-word-names" as="xs:string+"
      select="('hi', 'emph', 'seg', 'w', 'c', 'g', 'pc', 'choice', 'sic', 'corr', 'orig', 'reg', 'abbr',
               'expan', 'am', 'ex', 'add', 'del', 'subst', 'unclear', 'supplied', 'damage', 'surplus',
               'secl', 'restore', 'mod', 'app', 'lem', 'rdg', 'foreign', 'term', 'mentioned', 'soCalled',
               'gloss', 'title', 'num', 'measure', 'date', 'time', 'ref', 'ptr', 'anchor', 'lb', 'pb', 'cb',
               'milestone', 'note', 'gap', 'space', 'q', 'quote', 'said', 'metamark', 'handShift',
               'surname', 'forename', 'roleName', 'addName', 'genName', 'nameLink', 'label', 'author',
               'editor', 'pubPlace', 'publisher', 'idno', 'bibl', $tk:name-elements)"/>

  <!-- The lists of names above as sets, for the tests asked of every node (tk:is-block,
       tk:contains-block, tk:is-spaced-before/-after, the guarded blocks; the registers and the
       milestones, looked for in the whole tree): a look-up, not a comparison with each name. -->
  <xsl:variable name="tk:is-block-name" as="map(xs:string, xs:boolean)" select="tk:name-set($tk:block-names)"/>
  <xsl:variable name="tk:is-container-name" as="map(xs:string, xs:boolean)" select="tk:name-set($tk:container-names)"/>
  <xsl:variable name="tk:is-in-word-name" as="map(xs:string, xs:boolean)" select="tk:name-set($tk:in-word-names)"/>
  <xsl:variable name="tk:is-name-element" as="map(xs:string, xs:boolean)" select="tk:name-set($tk:name-elements)"/>
  <xsl:variable name="tk:is-register-name" as="map(xs:string, xs:boolean)" select="tk:name-set($tk:register-names)"/>
  <xsl:variable name="tk:is-milestone-name" as="map(xs:string, xs:boolean)" select="tk:name-set($tk:milestone-names)"/>

  <xsl:function name="tk:name-set" as="map(xs:string, xs:boolean)">
    <xsl:param name="names" as="xs:string*"/>
    <xsl:sequence select="map:merge($names ! map:entry(., true()), map {'duplicates': 'use-first'})"/>
  </xsl:function>

  <!-- An element not made to sit inside a word is set apart by a space from an element or
       a word it touches: on the side it touches ("Katalog" "I" "41" as "Katalog I 41", not
       "Katalog I 41 )"). Before it, the word character is looked for in the last character
       of the text alone: an expression anchored at the end ('\w$') is tried at every
       position of the text (over all the text nodes of the bundled book, 1.14 s against
       0.08). -->
  <xsl:function name="tk:is-spaced-before" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="not(map:contains($tk:is-in-word-name, local-name($e)))
        and exists($e/preceding-sibling::node()[1][self::* or self::text()[matches(substring(., string-length(.)), '\w')]])"/>
  </xsl:function>

  <xsl:function name="tk:is-spaced-after" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="not(map:contains($tk:is-in-word-name, local-name($e)))
        and exists($e/following-sibling::node()[1][self::* or self::text()[matches(., '^\w')]])"/>
  </xsl:function>

  <!-- A note whose parent is one of these is read where it stands, not as an annotation. -->
  <xsl:variable name="tk:note-in-place-parents" as="xs:string+"
      select="($tk:container-names, 'bibl', 'biblStruct', 'monogr', 'analytic', 'notesStmt')"/>
  <!-- (as a set: every note the editions meet is asked, some of them several times) -->
  <xsl:variable name="tk:is-note-in-place-parent" as="map(xs:string, xs:boolean)" select="tk:name-set($tk:note-in-place-parents)"/>

  <!-- ===== the collection ===== -->

  <xsl:function name="tk:base" as="xs:string">
    <xsl:param name="doc" as="element()"/>
    <xsl:sequence select="string($doc/@xml:base)"/>
  </xsl:function>

  <!-- The document a node belongs to: the nearest TEI or teiCorpus carrying the URI of its
       file, which teikit.render puts there beside rm:origin. An xml:base the document wrote
       itself, on a TEI of a corpus file too, only moves the base its pointers are read
       against (tk:target), never names a file. -->
  <xsl:function name="tk:document" as="element()?">
    <xsl:param name="node" as="node()"/>
    <xsl:sequence select="$node/ancestor-or-self::*[self::tei:TEI or self::tei:teiCorpus][@rm:origin][@xml:base][1]"/>
  </xsl:function>

  <!-- file:/a and file:///a are one file. -->
  <xsl:function name="tk:uri-key" as="xs:string">
    <xsl:param name="uri" as="xs:anyAtomicType"/>
    <xsl:sequence select="replace(string($uri), '^file:/*', '/')"/>
  </xsl:function>

  <xsl:function name="tk:doc-stem" as="xs:string">
    <xsl:param name="node" as="node()"/>
    <xsl:variable name="doc" select="tk:document($node)"/>
    <xsl:sequence select="if ($doc) then replace(tk:base($doc), '^.*/|\.[^./]*$', '') else 'text'"/>
  </xsl:function>

  <xsl:variable name="tk:header" as="element(tei:teiHeader)?"
      select="(/*/tei:teiHeader, (//tei:teiHeader)[1])[1]"/>
  <xsl:variable name="tk:titles" as="element(tei:title)*"
      select="$tk:header/tei:fileDesc/tei:titleStmt/tei:title"/>
  <xsl:variable name="tk:book-title" as="xs:string"
      select="let $main := ($tk:titles[@type = 'main'], $tk:titles[not(@type)], $tk:titles)[1]
              return if ($main) then normalize-space($main) else 'Untitled'"/>
  <xsl:variable name="tk:book-subtitles" as="xs:string*"
      select="$tk:titles[@type = 'sub'] ! normalize-space()"/>
  <xsl:variable name="tk:book-authors" as="xs:string*"
      select="$tk:header/tei:fileDesc/tei:titleStmt/(tei:author | tei:editor) ! normalize-space()"/>
  <xsl:variable name="tk:book-lang" as="xs:string"
      select="(/*/@xml:lang, (//tei:text)[1]/@xml:lang,
               $tk:header/tei:profileDesc/tei:langUsage/tei:language/@ident, 'en')[1]"/>

  <!-- The front, body and back of every text; a text made of a group of texts gives its
       own front and back (a collection's preface, its bibliography) around theirs. -->
  <xsl:variable name="tk:parts" as="element()*"
      select="//tei:text[not(tei:group)]/(tei:front | tei:body | tei:back)
              | //tei:text[tei:group]/(tei:front | tei:back)"/>
  <xsl:variable name="tk:title-pages" as="element()*"
      select="$tk:parts/*[local-name() = $tk:title-page-names]"/>

  <!-- Points of the source between divisions (a page break between two acts): they mark a
       place and hold no words, so a part made of divisions and these is still cut into one
       page per division, and each is shown on the page of the division that follows it. -->
  <xsl:variable name="tk:milestone-names" as="xs:string+" select="('pb', 'cb', 'milestone', 'anchor')"/>

  <!-- A part made only of divisions gives one page per division; any other part is one page. -->
  <xsl:variable name="tk:text-pages" as="element()*">
    <xsl:for-each select="$tk:parts">
      <xsl:variable name="content" select="* except *[local-name() = ($tk:title-page-names, $tk:milestone-names)]"/>
      <xsl:choose>
        <xsl:when test="empty($content)"/>
        <xsl:when test="every $c in $content satisfies local-name($c) = $tk:div-names">
          <xsl:sequence select="$content"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:sequence select="."/>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:for-each>
  </xsl:variable>

  <!-- Registers outside the text (standOff, the header) get pages of their own. (A
       parameter, as the others of the tree alone: see tk:tree-values.) -->
  <xsl:param name="tk:registers" as="element()*"
      select="//*[map:contains($tk:is-register-name, local-name())]
                 [not(ancestor::*[local-name() = $tk:register-names])]
                 [not(ancestor::* intersect $tk:parts)]"/>

  <xsl:variable name="tk:pages" as="element()*" select="$tk:text-pages, $tk:registers"/>

  <!-- media/ holds the published images (teikit.render.media): no page is called so. -->
  <xsl:variable name="tk:reserved-names" as="xs:string+" select="('index', 'book', 'assets', 'search', 'media')"/>

  <xsl:variable name="tk:page-names" as="map(xs:string, xs:string)">
    <xsl:variable name="wanted" as="xs:string*" select="$tk:pages ! tk:wanted-name(.)"/>
    <xsl:map>
      <xsl:for-each select="$tk:pages">
        <xsl:variable name="i" select="position()"/>
        <xsl:variable name="name" select="$wanted[$i]"/>
        <xsl:variable name="taken" select="count(index-of(subsequence($wanted, 1, $i - 1), $name))
                                           + (if ($name = $tk:reserved-names) then 1 else 0)"/>
        <xsl:map-entry key="generate-id(.)" select="if ($taken eq 0) then $name else $name || '-' || ($taken + 1)"/>
      </xsl:for-each>
    </xsl:map>
  </xsl:variable>

  <xsl:function name="tk:wanted-name" as="xs:string">
    <xsl:param name="page" as="element()"/>
    <xsl:variable name="raw" as="xs:string" select="string(
        if ($page/@xml:id) then $page/@xml:id
        else if ($page/self::tei:listPerson) then 'persons'
        else if ($page/self::tei:listPlace) then 'places'
        else if ($page/self::tei:listOrg) then 'organisations'
        else if ($page/self::tei:listEvent) then 'events'
        else if ($page/tei:head) then tk:plain($page/tei:head[1])
        else if ($page/@type) then $page/@type
        else if ($page/self::tei:body) then tk:doc-stem($page)
        else tk:doc-stem($page) || '-' || local-name($page))"/>
    <xsl:variable name="slug" select="tk:slug($raw)"/>
    <xsl:sequence select="if ($slug) then $slug else 'page'"/>
  </xsl:function>

  <xsl:function name="tk:slug" as="xs:string">
    <xsl:param name="s" as="xs:string"/>
    <xsl:variable name="ascii" select="replace(normalize-unicode(lower-case($s), 'NFKD'), '\p{Mn}', '')"/>
    <xsl:sequence select="substring(replace(replace($ascii, '[^a-z0-9]+', '-'), '^-|-$', ''), 1, 60)
                          => replace('-$', '')"/>
  </xsl:function>

  <xsl:function name="tk:page-name" as="xs:string">
    <xsl:param name="page" as="element()"/>
    <xsl:sequence select="$tk:page-names(generate-id($page))"/>
  </xsl:function>

  <xsl:function name="tk:is-page" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="map:contains($tk:page-names, generate-id($e))"/>
  </xsl:function>

  <xsl:function name="tk:page-of" as="element()?">
    <xsl:param name="node" as="node()"/>
    <xsl:sequence select="($node/ancestor-or-self::* intersect $tk:pages)[last()]"/>
  </xsl:function>

  <!-- What stands outside every page, by the page that shows it: the milestones between
       two divisions made pages or between the front and the body, and what a group of
       texts says of itself (its head, its closing trailer). Each is shown on the first page
       after it (what closes a group: on the group's last page), or the last page when none
       follows. -->
  <xsl:param name="tk:loose-milestones" as="map(xs:string, element()*)">
    <xsl:map>
      <xsl:for-each-group select="//tei:text//*[map:contains($tk:is-milestone-name, local-name())]
                                    [not(ancestor::*[local-name() = $tk:title-page-names])]
                                    [not(ancestor::*[parent::tei:group][not(self::tei:text or self::tei:group)])]
                                    [empty(tk:page-of(.))]
                                  | //tei:group/*[not(self::tei:text or self::tei:group)]"
                          group-by="let $m := . return generate-id(
                            if ($m/parent::tei:group and empty($m/following-sibling::*[self::tei:text or self::tei:group]))
                            then ($tk:text-pages[. &lt;&lt; $m][ancestor::* intersect $m/..][last()],
                                  $tk:text-pages[. >> $m][1], $tk:text-pages[last()])[1]
                            else ($tk:text-pages[. >> $m][1], $tk:text-pages[last()])[1])">
        <xsl:map-entry key="current-grouping-key()" select="current-group()"/>
      </xsl:for-each-group>
    </xsl:map>
  </xsl:param>

  <!-- The loose milestones a page shows before its content, or after it. -->
  <xsl:function name="tk:loose-milestones" as="element()*">
    <xsl:param name="page" as="element()"/>
    <xsl:param name="after" as="xs:boolean"/>
    <xsl:variable name="mine" select="$tk:loose-milestones(generate-id($page))"/>
    <xsl:sequence select="if ($after) then $mine[. >> $page] else $mine[. &lt;&lt; $page]"/>
  </xsl:function>

  <!-- What a page (or a division) is called. A page's title is made once: the registers
       name the page of every mention, thousands of times. -->
  <xsl:function name="tk:page-title" as="xs:string">
    <xsl:param name="page" as="element()"/>
    <xsl:sequence select="($tk:page-titles(generate-id($page)), tk:title-of($page))[1]"/>
  </xsl:function>

  <xsl:variable name="tk:page-titles" as="map(xs:string, xs:string)"
      select="map:merge($tk:pages ! map:entry(generate-id(.), tk:title-of(.)))"/>

  <xsl:function name="tk:title-of" as="xs:string">
    <xsl:param name="page" as="element()"/>
    <xsl:variable name="doc-title" select="$page/ancestor::tei:TEI[1]/tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:title"/>
    <xsl:sequence select="
        if ($page/tei:head) then tk:plain($page/tei:head[1])
        else if ($page/self::tei:listPerson) then 'Persons'
        else if ($page/self::tei:listPlace) then 'Places'
        else if ($page/self::tei:listOrg) then 'Organisations'
        else if ($page/self::tei:listEvent) then 'Events'
        else if ($page/@type) then tk:capitalise(replace($page/@type, '[-_]', ' '))
        else if ($doc-title) then normalize-space(($doc-title[@type = 'part'], $doc-title)[1])
        else tk:capitalise(local-name($page))"/>
  </xsl:function>

  <xsl:function name="tk:capitalise" as="xs:string">
    <xsl:param name="s" as="xs:string"/>
    <xsl:sequence select="upper-case(substring($s, 1, 1)) || substring($s, 2)"/>
  </xsl:function>

  <!-- The words of an element as one line, without its notes. -->
  <xsl:function name="tk:plain" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="normalize-space(string-join($e//text()[not(ancestor::tei:note intersect $e//tei:note)]))"/>
  </xsl:function>

  <!-- ===== what cannot be rendered ===== -->

  <!-- The blocks whose rendering is guarded (html.xsl, text.xsl): should the templates fail
       on anything inside one, it is reported and shown as its text, and the rest of the
       edition renders. A block is guarded when its parent's name is one of these: the
       test, map:contains($tk:is-guarded-parent, local-name(..)), is the pattern of the
       guarding template, written there rather than called as a function, since every
       element the transform meets is tested. -->
  <xsl:variable name="tk:is-guarded-parent" as="map(xs:string, xs:boolean)"
      select="tk:name-set(($tk:div-names, 'body', 'front', 'back'))"/>

  <!-- Where an element is: the path of element positions from the root of the tree the
       transform reads ("/*[1]/*[2]/*[7]"), which teikit.render turns into its file and line. -->
  <xsl:function name="tk:location" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="'/' || string-join($e/ancestor-or-self::* ! ('*[' || count(preceding-sibling::*) + 1 || ']'), '/')"/>
  </xsl:function>

  <xsl:function name="tk:failure" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:param name="error" as="xs:string"/>
    <xsl:sequence select="'warning: [at ' || tk:location($e) || '] &lt;' || local-name($e) || '&gt; could not be rendered ('
                          || normalize-space($error) || '); shown as its text'"/>
  </xsl:function>

  <!-- ===== blocks and notes ===== -->

  <xsl:function name="tk:contains-block" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="exists($e//*[map:contains($tk:is-block-name, local-name())]
                                      [not(ancestor::tei:note intersect $e//tei:note)])"/>
  </xsl:function>

  <xsl:function name="tk:is-block" as="xs:boolean">
    <xsl:param name="n" as="node()"/>
    <xsl:sequence select="$n instance of element() and (
        map:contains($tk:is-block-name, local-name($n))
        or map:contains($tk:is-container-name, local-name($n/..)) and not(tk:is-attached-note($n))
        or tk:contains-block($n) and not(tk:is-attached-note($n)))"/>
  </xsl:function>

  <!-- The brackets a stage direction was printed in (@rend), which its text leaves out:
       none when the text keeps its own. -->
  <xsl:function name="tk:stage-marks" as="xs:string*">
    <xsl:param name="stage" as="element()"/>
    <xsl:sequence select="if ($stage/@rend = 'brackets') then ('[', ']')
                          else if ($stage/@rend = 'parentheses') then ('(', ')') else ()"/>
  </xsl:function>

  <!-- An annotation attached to a point in the text: shown as a marker and listed after the text. -->
  <xsl:function name="tk:is-attached-note" as="xs:boolean">
    <xsl:param name="n" as="node()"/>
    <xsl:sequence select="$n instance of element(tei:note) and not(map:contains($tk:is-note-in-place-parent, local-name($n/..)))"/>
  </xsl:function>

  <xsl:function name="tk:attached-notes" as="element(tei:note)*">
    <xsl:param name="page" as="element()"/>
    <xsl:sequence select="$page//tei:note[tk:is-attached-note(.)]"/>
  </xsl:function>

  <xsl:function name="tk:note-label" as="xs:string">
    <xsl:param name="note" as="element(tei:note)"/>
    <!-- A note outside every page (in the header shown on the opening page) counts in its document. -->
    <xsl:variable name="within" select="(tk:page-of($note), $note/ancestor::*[last()])[1]"/>
    <xsl:sequence select="if ($note/@n) then string($note/@n)
        else string(count(tk:attached-notes($within)[. &lt;&lt; $note]) + 1)"/>
  </xsl:function>

  <!-- ===== pointers ===== -->

  <!-- The start of a URL as a browser reads it: tabs and newlines anywhere are ignored, as
       are spaces and control characters before it (XML 1.0 text can hold no other C0
       control). Those after it change neither its scheme nor its host, so they stay. -->
  <xsl:function name="tk:link-cleaned" as="xs:string">
    <xsl:param name="url" as="xs:string"/>
    <xsl:sequence select="replace(translate($url, '&#9;&#10;&#13;', ''), '^[&#9;-&#32;]+', '')"/>
  </xsl:function>

  <!-- The scheme a browser reads in a URL, lower case ('' for a relative reference), as
       teikit.access.link_scheme does. -->
  <xsl:function name="tk:link-scheme" as="xs:string">
    <xsl:param name="url" as="xs:string"/>
    <xsl:variable name="cleaned" select="tk:link-cleaned($url)"/>
    <xsl:sequence select="if (matches($cleaned, '^[A-Za-z][A-Za-z0-9+.\-]*:'))
                          then lower-case(substring-before($cleaned, ':')) else ''"/>
  </xsl:function>

  <!-- The URL itself when a page may carry it as a link or source, else empty: the one
       test every href and src made from document data passes (teikit.access.is_safe_link).
       A relative reference that starts with two slashes or backslashes names another host:
       from a page opened from disk it would be a file: URL on that host (a Windows share). -->
  <xsl:function name="tk:safe-href" as="xs:string?">
    <xsl:param name="url" as="xs:string?"/>
    <!-- Without ':', '/' or '\' (most pointers: persons.xml#id) a URL has neither a scheme
         nor a host: that is settled without a regular expression, for speed. -->
    <xsl:sequence select="$url[not(contains(., ':') or contains(., '/') or contains(., '\'))
                               or (let $scheme := tk:link-scheme(.)
                                   return if ($scheme) then $scheme = $tk:link-schemes
                                          else not(matches(tk:link-cleaned(.), '^[/\\]{2}')))]"/>
  </xsl:function>

  <xsl:function name="tk:is-external" as="xs:boolean">
    <xsl:param name="pointer" as="xs:string"/>
    <xsl:sequence select="starts-with($pointer, '/')
                          or contains($pointer, ':') and matches($pointer, '^[A-Za-z][A-Za-z0-9+.-]*:')"/>
  </xsl:function>

  <!-- The element a local pointer (#id, file.xml, file.xml#id) leads to in the collection. -->
  <xsl:function name="tk:target" as="element()?">
    <xsl:param name="pointer" as="xs:string"/>
    <xsl:param name="context" as="node()"/>
    <xsl:variable name="doc" select="tk:document($context)"/>
    <xsl:variable name="moved" select="$context/ancestor-or-self::*[@xml:base][1] except $doc"/>
    <!-- Under an xml:base of the document's own, a file's name is read against the base
         it makes of its ancestors' (`<p xml:base="sub/">` and "../persons.xml"); a base
         that is no URI leads nowhere. -->
    <xsl:choose>
      <xsl:when test="empty($moved) or starts-with($pointer, '#')">
        <xsl:sequence select="tk:target-from($pointer, ($doc, $moved)[1])"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="base" as="xs:string">
          <xsl:try select="string(base-uri($context))">
            <xsl:catch select="''"/>
          </xsl:try>
        </xsl:variable>
        <xsl:sequence select="tk:target-from($pointer, $doc, $base)"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <!-- The same, given the document the pointer is written in. -->
  <xsl:function name="tk:target-from" as="element()?">
    <xsl:param name="pointer" as="xs:string"/>
    <xsl:param name="from" as="element()?"/>
    <xsl:sequence select="tk:target-from($pointer, $from, if (exists($from)) then tk:base($from) else '')"/>
  </xsl:function>

  <!-- The same, with the base URI the file's name is read against. -->
  <xsl:function name="tk:target-from" as="element()?">
    <xsl:param name="pointer" as="xs:string"/>
    <xsl:param name="from" as="element()?"/>
    <xsl:param name="base" as="xs:string"/>
    <xsl:variable name="file" select="substring-before($pointer || '#', '#')"/>
    <xsl:variable name="fragment" select="substring-after($pointer, '#')"/>
    <!-- A pointer that is not a URI (':x', 'a%zz.xml') leads nowhere: it is reported as
         not in the collection, and never stops the transform. -->
    <xsl:variable name="doc" as="element()?">
      <xsl:choose>
        <xsl:when test="tk:is-external($pointer)"/>
        <xsl:when test="$file eq ''"><xsl:sequence select="$from"/></xsl:when>
        <xsl:when test="exists($from) and tk:is-plain-file($file) and map:contains($tk:folders, $base)">
          <xsl:sequence select="key('tk:doc', $tk:folders($base) || $file, root($from))[1]"/>
        </xsl:when>
        <xsl:when test="empty($from) or $base eq ''"/>
        <xsl:otherwise>
          <xsl:try select="key('tk:doc', tk:uri-key(resolve-uri($file, $base)), root($from))[1]">
            <xsl:catch/>
          </xsl:try>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:sequence select="
        if (empty($doc)) then ()
        else if ($fragment eq '') then $doc
        else if ($file eq '') then (key('tk:id', $fragment, $doc), key('tk:id', $fragment, root($from)))[1]
        else key('tk:id', $fragment, $doc)[1]"/>
  </xsl:function>

  <!-- The folder of each file: base URI of the input, as tk:uri-key writes it, with its
       final '/'. A file name without a path (tk:is-plain-file) resolves against such a base
       to that folder and the name, so the thousands of pointers to a register file
       ("persons.xml#p1") are resolved by joining two strings, not by resolve-uri each. A
       base with a query or a fragment, or one that names no folder, is left to resolve-uri. -->
  <xsl:param name="tk:folders" as="map(xs:string, xs:string)">
    <xsl:map>
      <xsl:for-each select="distinct-values(//@xml:base ! string())
                            [starts-with(., 'file:') and not(contains(., '?') or contains(., '#'))]">
        <xsl:try>
          <xsl:map-entry key="." select="tk:uri-key(resolve-uri('.', .))"/>
          <xsl:catch/>
        </xsl:try>
      </xsl:for-each>
    </xsl:map>
  </xsl:param>

  <!-- A file name of letters, digits, '-', '_' and '.', not starting with '.' (so neither
       '.' nor '..'): nothing in it for resolve-uri to interpret. -->
  <xsl:function name="tk:is-plain-file" as="xs:boolean">
    <xsl:param name="file" as="xs:string"/>
    <xsl:sequence select="not(starts-with($file, '.'))
        and translate($file, 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.', '') eq ''"/>
  </xsl:function>

  <!-- The page a target is shown on: its own page, or a document's first page. -->
  <xsl:function name="tk:page-showing" as="element()?">
    <xsl:param name="target" as="element()"/>
    <xsl:sequence select="(tk:page-of($target), $tk:pages[ancestor::* intersect $target])[1]"/>
  </xsl:function>

  <!-- Where a pointer leads in the rendered edition, given the pages' file extension;
       empty when it leads nowhere in the collection. -->
  <xsl:function name="tk:href" as="xs:string?">
    <xsl:param name="pointer" as="xs:string"/>
    <xsl:param name="context" as="node()"/>
    <xsl:param name="extension" as="xs:string"/>
    <xsl:sequence select="if (tk:is-external($pointer)) then $pointer
                          else tk:target($pointer, $context) ! tk:href-to(., $extension)"/>
  </xsl:function>

  <!-- Where an element of the collection is shown: its page, and its anchor there. -->
  <xsl:function name="tk:href-to" as="xs:string?">
    <xsl:param name="target" as="element()"/>
    <xsl:param name="extension" as="xs:string"/>
    <xsl:variable name="page" select="tk:page-showing($target)"/>
    <xsl:sequence select="
        if (empty($page)) then ()
        else tk:page-name($page) || $extension
             || (if ($target is $page or not($target/ancestor::* intersect $page)) then '' else '#' || tk:html-id($target))"/>
  </xsl:function>

  <xsl:function name="tk:html-id" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="if ($e/@xml:id) then string($e/@xml:id) else 'g' || tk:node-id($e)"/>
  </xsl:function>

  <!-- A name for an element, unique in the collection and the same on every run: Saxon's
       generate-id() starts with a number it gives each document it reads, which grows
       from one render to the next in a process, so that part is left out. What is left is
       the element's number in the collection's tree; in a window ($tk:node-bases) it is
       read from the outline (rm:nid), or counted from the number of its document's root. -->
  <xsl:function name="tk:node-id" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="
        if (empty($tk:node-bases)) then 'e' || substring-after(generate-id($e), 'e') (: d12e345: e345 :)
        else if ($e/@rm:nid) then 'e' || $e/@rm:nid
        else let $doc := ($e/ancestor-or-self::*)[2]
             return 'e' || ($tk:node-bases[count($doc/preceding-sibling::*) + 1] + tk:node-nr($e) - tk:node-nr($doc))"/>
  </xsl:function>

  <!-- The number Saxon gives a node in its tree (document order), which generate-id() carries. -->
  <xsl:function name="tk:node-nr" as="xs:integer">
    <xsl:param name="n" as="node()"/>
    <xsl:sequence select="xs:integer(replace(generate-id($n), '^d\d+[a-z]+(\d+).*$', '$1'))"/>
  </xsl:function>

  <!-- The register entry a name points to, if the collection holds it: for a name in the
       pages of text, as the mentions found it (tk:name-entries), else resolved here. -->
  <xsl:function name="tk:entry" as="element()?">
    <xsl:param name="name" as="element()"/>
    <xsl:sequence select="($tk:name-entries(generate-id($name)), tk:entry-resolved($name))[1]"/>
  </xsl:function>

  <xsl:function name="tk:entry-resolved" as="element()?">
    <xsl:param name="name" as="element()"/>
    <xsl:sequence select="(tokenize(normalize-space($name/@ref), ' ')[not(tk:is-external(.))]
                           ! tk:target(., $name))[1]"/>
  </xsl:function>

  <xsl:function name="tk:entry-names" as="element()*">
    <xsl:param name="entry" as="element()"/>
    <xsl:sequence select="$entry/(tei:persName | tei:placeName | tei:orgName | tei:name | tei:head
                                  | tei:label | tei:geogName | tei:settlement)"/>
  </xsl:function>

  <!-- The name and the details of every register entry (tk:entry-name-of,
       tk:entry-details-of), by the entry (generate-id): each edition lists every entry, and
       the HTML edition asks an entry's name twice. One of the values of tk:tree-values. -->
  <xsl:param name="tk:entries" as="map(xs:string, map(*))"
      select="map:merge(//(tei:person | tei:place | tei:org | tei:event | tei:personGrp)
                        ! map:entry(generate-id(.), let $name := tk:entry-name-of(.)
                                                    return map {'name': $name, 'details': tk:entry-details-of(., $name)}))"/>

  <!-- A register entry's name for lists: surname first when the name is structured. -->
  <xsl:function name="tk:entry-name" as="xs:string">
    <xsl:param name="entry" as="element()"/>
    <xsl:variable name="known" select="$tk:entries(generate-id($entry))"/>
    <xsl:sequence select="if (exists($known)) then $known?name else tk:entry-name-of($entry)"/>
  </xsl:function>

  <xsl:function name="tk:entry-name-of" as="xs:string">
    <xsl:param name="entry" as="element()"/>
    <xsl:variable name="name" select="tk:entry-names($entry)[1]"/>
    <xsl:sequence select="
        if ($name/tei:surname) then
          string-join((normalize-space(string-join($name/tei:surname, ' ')),
                       normalize-space(string-join($name/(* except tei:surname), ' '))[.]), ', ')
        else if ($name) then tk:name-text($name)
        else if ($entry/@xml:id) then string($entry/@xml:id)
        else tk:plain($entry)"/>
  </xsl:function>

  <!-- A name's words; the parts of a structured name (forename, surname) spaced apart. -->
  <xsl:function name="tk:name-text" as="xs:string">
    <xsl:param name="name" as="element()"/>
    <xsl:sequence select="if ($name/* and not($name/text()[normalize-space()]))
                          then normalize-space(string-join($name/* ! tk:plain(.), ' '))
                          else tk:plain($name)"/>
  </xsl:function>

  <!-- What an entry says beyond the name it is listed under (which is left out when the
       listed name already has all its words). -->
  <xsl:function name="tk:entry-details" as="element()*">
    <xsl:param name="entry" as="element()"/>
    <xsl:variable name="known" select="$tk:entries(generate-id($entry))"/>
    <xsl:sequence select="if (exists($known)) then $known?details else tk:entry-details-of($entry, tk:entry-name-of($entry))"/>
  </xsl:function>

  <!-- (`name`: the entry's, tk:entry-name-of) -->
  <xsl:function name="tk:entry-details-of" as="element()*">
    <xsl:param name="entry" as="element()"/>
    <xsl:param name="name" as="xs:string"/>
    <xsl:variable name="first" select="tk:entry-names($entry)[1]"/>
    <!-- The words are compared only when the two names differ otherwise than by commas and
         spaces ("Surname, Forename" and "Surname Forename"): those part words alike, so the
         words are the same. A regular expression costs more than the rest of the entry. -->
    <xsl:variable name="same-words" select="exists($first) and tk:comma-less($name) eq tk:comma-less(tk:name-text($first))"/>
    <xsl:variable name="listed" select="if ($same-words) then () else tokenize($name, '\W+')"/>
    <xsl:sequence select="$entry/* except $first[$same-words or (every $w in tokenize(tk:name-text(.), '\W+')[.] satisfies $w = $listed)]"/>
  </xsl:function>

  <xsl:function name="tk:comma-less" as="xs:string">
    <xsl:param name="s" as="xs:string"/>
    <xsl:sequence select="normalize-space(translate($s, ',', ' '))"/>
  </xsl:function>

  <!-- Mentions of a register entry anywhere in the pages of text, in document order. -->
  <xsl:function name="tk:mentions" as="element()*">
    <xsl:param name="entry" as="element()"/>
    <xsl:sequence select="(tk:mention-pages($entry) ! ?names)/."/>
  </xsl:function>

  <!-- The same by page: a map for each page of text that names the entry, in the pages'
       order, of the page ('page') and its names of the entry there ('names', in document
       order): a register lists where each of its entries is mentioned. -->
  <xsl:function name="tk:mention-pages" as="map(*)*">
    <xsl:param name="entry" as="element()"/>
    <xsl:sequence select="if ($entry/@xml:id) then $tk:mention-pages(generate-id($entry)) else ()"/>
  </xsl:function>

  <xsl:param name="tk:mention-pages" as="map(xs:string, map(*)*)"
      select="map:merge($tk:mentions-by-page ! map:entry(generate-id(?entry), .), map {'duplicates': 'combine'})"/>

  <!-- The names in the pages of text, by page and by the register entry each points to
       (tk:entry): a map of the entry, the page and the names for each page and entry named
       there, the pages in order (each page's names are those it shows, tk:page-of). They are
       gathered in one pass for every entry (an entry may be named hundreds of times), and a
       pointer is resolved once for each page and way of writing it, not once per name.
       A parameter, not a variable: the editions rendered from one tree have them gathered
       once (tk:tree-values) and given to each; a transform given none gathers them itself. -->
  <xsl:param name="tk:mentions-by-page" as="map(*)*">
    <xsl:call-template name="tk:gather-mentions"/>
  </xsl:param>

  <!-- The elements carrying an xml:base: the root of each document of the collection (its
       file's URI) and any element where a document moves the base of its pointers. -->
  <xsl:variable name="tk:documents" as="element()*" select="//*[@xml:base]"/>

  <!-- Depends on the tree alone (no parameter of any edition): what it gives one
       transform of a tree is what it would give another. -->
  <xsl:template name="tk:gather-mentions" as="map(*)*">
    <xsl:for-each select="$tk:text-pages">
      <xsl:variable name="page" select="."/>
      <!-- (a page holding another page, which no page does, would leave it its names) -->
      <xsl:variable name="inner" select="$tk:pages[. >> $page][ancestor::* intersect $page]"/>
      <xsl:variable name="names" select="$page//tei:*[@ref][map:contains($tk:is-name-element, local-name())]"/>
      <!-- A pointer is resolved from the base it is written under: on a page with no
           xml:base below it (the usual case) that is one base for every name, and the pointer
           alone tells the groups apart, without a walk up from each name to its base. -->
      <xsl:variable name="one-document" select="empty($tk:documents[some $a in ancestor::* satisfies $a is $page])"/>
      <xsl:variable name="resolved" as="map(*)*">
        <xsl:for-each-group select="if (empty($inner)) then $names else $names except $inner//*"
                            group-by="if ($one-document) then normalize-space(@ref)
                                      else generate-id(ancestor-or-self::*[@xml:base][1]) || ' ' || normalize-space(@ref)">
          <xsl:sequence select="tk:entry-resolved(.) ! map {'entry': ., 'names': current-group()}"/>
        </xsl:for-each-group>
      </xsl:variable>
      <xsl:for-each-group select="$resolved" group-by="generate-id(?entry)">
        <xsl:sequence select="map {'entry': ?entry, 'page': $page, 'names': (current-group() ! ?names)/.}"/>
      </xsl:for-each-group>
    </xsl:for-each>
  </xsl:template>

  <!-- The same the other way round: the entry each of those names points to, by the name
       (generate-id): a page links every name to its entry, and reports the pointers that
       lead nowhere. -->
  <xsl:param name="tk:name-entries" as="map(xs:string, element())"
      select="map:merge($tk:mentions-by-page ! (let $entry := ?entry return ?names ! map:entry(generate-id(.), $entry)))"/>

  <!-- What the transforms of one tree compute alike, by the name of the parameter that
       holds it: the editions rendered from one tree (teikit.render, Reading.shared) have it
       computed once, here, and give each value to each transform as that parameter (a
       transform given none computes it itself). Each depends on the tree alone, no
       parameter of an edition: the mentions of the register entries and the maps made
       of them, the registers, the loose milestones, the files' folders, the entries'
       names and details. -->
  <xsl:template name="tk:tree-values" as="map(xs:string, item()*)">
    <xsl:sequence select="map {
        'mentions-by-page': $tk:mentions-by-page, 'mention-pages': $tk:mention-pages,
        'name-entries': $tk:name-entries, 'registers': $tk:registers,
        'loose-milestones': $tk:loose-milestones, 'folders': $tk:folders, 'entries': $tk:entries}"/>
  </xsl:template>

  <!-- ===== manuscript descriptions ===== -->

  <!-- What a reader calls the parts of a manuscript description (msDesc), by element; any
       other part is named after its element (objectDesc: "Object desc"). -->
  <xsl:variable name="tk:ms-labels" as="map(xs:string, xs:string)" select="map {
      'msIdentifier': 'Identifier', 'msContents': 'Contents', 'physDesc': 'Physical description',
      'history': 'History', 'additional': 'Additional information', 'msPart': 'Part',
      'msFrag': 'Fragment', 'msItem': 'Item', 'msItemStruct': 'Item', 'msName': 'Name', 'persName': 'Name',
      'altIdentifier': 'Other identifier', 'idno': 'Identifier', 'textLang': 'Language', 'finalRubric': 'Final rubric',
      'objectDesc': 'Object', 'supportDesc': 'Support', 'support': 'Material', 'layoutDesc': 'Layout',
      'handDesc': 'Hands', 'handNote': 'Hand', 'scriptDesc': 'Script', 'decoDesc': 'Decoration',
      'decoNote': 'Decoration', 'bindingDesc': 'Binding', 'sealDesc': 'Seals', 'accMat': 'Accompanying material',
      'origDate': 'Date', 'origPlace': 'Place', 'adminInfo': 'Administrative information',
      'recordHist': 'Record history', 'custodialHist': 'Custodial history', 'listBibl': 'Bibliography',
      'locus': 'Folios', 'locusGrp': 'Folios', 'musicNotation': 'Music notation', 'typeDesc': 'Type'}"/>

  <!-- Parts of a description shown as they are shown elsewhere (a bibliography as a list). -->
  <xsl:variable name="tk:ms-blocks" as="xs:string+" select="('p', 'ab', 'list', 'listBibl', 'table', 'lg', 'quote')"/>
  <!-- Phrases that are a value, not a part: an author given as a persName is the author. -->
  <xsl:variable name="tk:ms-phrases" as="xs:string+"
      select="($tk:name-elements, 'title', 'date', 'hi', 'ref', 'ptr', 'foreign', 'term', 'seg', 'num',
               'measure', 'emph', 'idno', 'bibl', 'choice', 'orig', 'reg', 'abbr', 'expan', 'q', 'quote')"/>

  <xsl:function name="tk:ms-label" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:variable name="name" select="local-name($e)"/>
    <xsl:variable name="label" select="if (map:contains($tk:ms-labels, $name)) then $tk:ms-labels($name)
                          else tk:capitalise(lower-case(replace($name, '(\p{Ll})(\p{Lu})', '$1 $2')))"/>
    <xsl:sequence select="if ($e/self::tei:idno and $e/@type) then $label || ' (' || $e/@type || ')' else $label"/>
  </xsl:function>

  <!-- A manuscript's name for a heading: where it is kept and its shelfmark. -->
  <xsl:function name="tk:ms-name" as="xs:string">
    <xsl:param name="ms" as="element()"/>
    <xsl:variable name="id" select="$ms/tei:msIdentifier"/>
    <xsl:variable name="parts" select="($id/tei:settlement, $id/tei:repository,
        ($id/tei:idno[not(@type)], $id/tei:idno)[1], $id/tei:msName) ! normalize-space()"/>
    <xsl:variable name="named" select="string-join(distinct-values($parts[.]), ', ')"/>
    <xsl:sequence select="if ($named) then $named else if ($ms/tei:head) then tk:plain($ms/tei:head[1]) else 'Manuscript'"/>
  </xsl:function>

  <!-- A part of a description shown as a labelled group of its parts (its own words are
       only the spaces between them), rather than as a labelled value. -->
  <xsl:function name="tk:ms-is-group" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="exists($e/*) and empty($e/text()[normalize-space()])
                          and (every $c in $e/* satisfies not(local-name($c) = $tk:ms-blocks))
                          and (count($e/*) gt 1 or not(local-name($e/*) = $tk:ms-phrases))"/>
  </xsl:function>

  <!-- ===== critical apparatus ===== -->

  <!-- The readings of an apparatus entry other than the one shown (tk:preferred). -->
  <xsl:function name="tk:variants" as="element()*">
    <xsl:param name="app" as="element(tei:app)"/>
    <xsl:sequence select="($app/tei:lem | $app/tei:rdg | $app/tei:rdgGrp//(tei:lem | tei:rdg)) except tk:preferred($app)"/>
  </xsl:function>

  <!-- The sigla of the witnesses of a reading (@wit, else @source), as the witness list
       (listWit) labels them: the witness's @n, else its siglum (abbr, idno or label of type
       siglum, or its first label), else its xml:id; a pointer the collection cannot resolve
       is shown without its '#'. -->
  <xsl:function name="tk:sigla" as="xs:string">
    <xsl:param name="reading" as="element()"/>
    <xsl:sequence select="string-join(
        tokenize(normalize-space(($reading/@wit, $reading/@source)[1]), ' ')
          ! (let $w := (if (tk:is-external(.)) then () else tk:target(., $reading))
             return if (empty($w)) then replace(., '^.*#', '') else tk:siglum($w)), ' ')"/>
  </xsl:function>

  <xsl:function name="tk:siglum" as="xs:string">
    <xsl:param name="witness" as="element()"/>
    <xsl:variable name="named" select="($witness/@n,
        $witness/(tei:abbr | tei:idno | tei:label)[@type = 'siglum'], $witness/tei:label,
        $witness/@xml:id)[normalize-space()][1]"/>
    <xsl:sequence select="normalize-space($named)"/>
  </xsl:function>

  <!-- A reading that omits the text its lemma has ("om." in the apparatus). -->
  <xsl:function name="tk:is-omission" as="xs:boolean">
    <xsl:param name="reading" as="element()"/>
    <xsl:sequence select="not(normalize-space($reading)) and empty($reading//*[not(self::tei:witDetail or self::tei:note)])"/>
  </xsl:function>

  <!-- The reading shown for a choice or an apparatus entry, and the alternatives to it. -->
  <xsl:function name="tk:preferred" as="element()?">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="($e/(tei:corr | tei:reg | tei:expan | tei:lem), $e/*)[1]"/>
  </xsl:function>
</xsl:stylesheet>
