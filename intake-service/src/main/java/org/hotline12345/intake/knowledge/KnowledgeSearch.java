package org.hotline12345.intake.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.CharsRef;
import org.apache.lucene.util.CharsRefBuilder;
import org.apache.lucene.util.QueryBuilder;
import org.hotline12345.referencedata.City;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The search over the published articles: an in-memory Lucene index of each article's question, phrasings and answer,
 * cut into words by Lucene's smart Chinese analyser, where the caller's words are widened by the city's synonyms (没水
 * finds 停水). The question and phrasings weigh more than the answer. Validity is checked against the city's day at
 * every search, so an article past its last day leaves the results at once, whatever the index holds. MongoDB is the
 * store of record: this index is fed from it ({@link KnowledgeIndexRefresh}) and can be rebuilt at any time.
 */
final class KnowledgeSearch implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KnowledgeSearch.class);

    static final String ID = "id";
    static final String QUESTION = "question";
    static final String PHRASINGS = "phrasings";
    static final String ANSWER = "answer";
    static final String DISTRICT = "district";
    static final String VALID_FROM = "validFrom";
    static final String VALID_UNTIL = "validUntil";
    /** The district value of an article that holds for the whole city. */
    static final String WHOLE_CITY = "*";
    private static final Map<String, Float> BOOSTS = Map.of(QUESTION, 3f, PHRASINGS, 2.5f, ANSWER, 1f);

    private final City city;
    private final Clock clock;
    private final Analyzer indexAnalyzer;
    private final Analyzer queryAnalyzer;
    private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
    private final IndexWriter writer;
    private final SearcherManager searchers;
    /** What the index holds of each article: its revision, and the version callers are answered with. */
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    /** The version of an article the index holds. */
    record Entry(String id, long revision, int version, String unit, ArticleContent content) {
    }

    /** One article found, with the caller's words marked in its question and answer. */
    public record Hit(String id, int version, String question, String answer, String answerEn, String category,
            String unit, List<String> districts, String basis, String validUntil, float score,
            String questionMarked, String answerMarked, List<String> matched) {
    }

    KnowledgeSearch(City city, Clock clock) {
        this.city = city;
        this.clock = clock;
        this.indexAnalyzer = analyzer(null);
        this.queryAnalyzer = analyzer(synonyms(city.synonyms(), indexAnalyzer));
        try {
            this.writer = new IndexWriter(directory, new IndexWriterConfig(indexAnalyzer));
            this.searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Brings the index up to the stored article: its published version indexed while it is live, removed once it is
     * retired. True when the index changed; {@link #refresh()} makes the changes searchable.
     */
    synchronized boolean apply(Article article) {
        Entry held = entries.get(article.getId());
        try {
            if (!article.isLive()) {
                if (held == null) {
                    return false;
                }
                writer.deleteDocuments(new Term(ID, article.getId()));
                entries.remove(article.getId());
                return true;
            }
            long revision = article.getRevision() == null ? 0 : article.getRevision();
            if (held != null && (held.revision() >= revision || held.version() == article.getPublishedVersion()
                    && held.content().equals(article.getPublished()))) {
                return false;
            }
            writer.updateDocument(new Term(ID, article.getId()), document(article));
            entries.put(article.getId(), new Entry(article.getId(), revision, article.getPublishedVersion(),
                    article.getUnit(), article.getPublished()));
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes what {@link #apply} changed searchable. */
    void refresh() {
        try {
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many articles the index holds, valid today or not. */
    int size() {
        return entries.size();
    }

    /**
     * Whether a call may be answered with {@code version} of the article today: the article is live, holds today in
     * the city's time zone, and the version is its published one or an earlier (an operator who read it a moment
     * before a new version was published answered with a published version all the same).
     */
    boolean answersWith(String articleId, int version) {
        Entry entry = entries.get(articleId);
        return entry != null && version >= 1 && version <= entry.version()
                && entry.content().holdsOn(LocalDate.ofInstant(clock.instant(), city.zone()));
    }

    /**
     * How many live articles the index holds whose last valid day is today or within {@code days} after, in the
     * city's time zone: what the units have to renew, or the editors to retire, before it leaves the search.
     */
    long expiringWithin(int days) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), city.zone());
        LocalDate last = today.plusDays(days);
        return entries.values().stream().map(entry -> entry.content().validUntil()).filter(until -> until != null)
                .map(LocalDate::parse).filter(until -> !until.isBefore(today) && !until.isAfter(last)).count();
    }

    /**
     * The best {@code limit} live articles valid today (in the city's time zone) for the caller's words, holding for
     * {@code district} or the whole city ({@code null}: any district).
     */
    List<Hit> search(String words, String district, int limit) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), city.zone());
        BooleanQuery.Builder text = new BooleanQuery.Builder();
        QueryBuilder builder = new QueryBuilder(queryAnalyzer);
        BOOSTS.forEach((field, boost) -> {
            Query query = builder.createBooleanQuery(field, words, Occur.SHOULD);
            if (query != null) {
                text.add(new BoostQuery(query, boost), Occur.SHOULD);
            }
        });
        BooleanQuery textQuery = text.build();
        if (textQuery.clauses().isEmpty()) {
            return List.of();
        }
        long day = today.toEpochDay();
        BooleanQuery.Builder query = new BooleanQuery.Builder().add(textQuery, Occur.MUST)
                .add(LongPoint.newRangeQuery(VALID_FROM, Long.MIN_VALUE, day), Occur.FILTER)
                .add(LongPoint.newRangeQuery(VALID_UNTIL, day, Long.MAX_VALUE), Occur.FILTER);
        if (district != null) {
            query.add(new BooleanQuery.Builder()
                    .add(new TermQuery(new Term(DISTRICT, district)), Occur.SHOULD)
                    .add(new TermQuery(new Term(DISTRICT, WHOLE_CITY)), Occur.SHOULD).build(), Occur.FILTER);
        }
        Set<String> terms = terms(queryAnalyzer, words);
        List<Hit> hits = new ArrayList<>();
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                // a few more than asked for: an entry may have changed since the searcher was opened
                TopDocs top = searcher.search(query.build(), limit + 5);
                for (ScoreDoc found : top.scoreDocs) {
                    String id = searcher.storedFields().document(found.doc).get(ID);
                    Entry entry = entries.get(id);
                    if (entry == null || !entry.content().holdsOn(today) || (district != null
                            && !entry.content().districts().isEmpty()
                            && !entry.content().districts().contains(district))) {
                        continue;
                    }
                    hits.add(hit(entry, found.score, terms));
                    if (hits.size() == limit) {
                        break;
                    }
                }
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return hits;
    }

    private Hit hit(Entry entry, float score, Set<String> terms) {
        ArticleContent content = entry.content();
        Set<String> matched = new LinkedHashSet<>();
        String question = marked(content.question(), terms, matched);
        String answer = marked(content.answer(), terms, matched);
        return new Hit(entry.id(), entry.version(), content.question(), content.answer(), content.answerEn(),
                content.category(), entry.unit(), content.districts(), content.basis(), content.validUntil(), score,
                question, answer, List.copyOf(matched));
    }

    /**
     * The text, HTML-escaped, with each word the search matched in {@code <mark>}; the matched words as written are
     * added to {@code matched}.
     */
    String marked(String text, Set<String> terms, Set<String> matched) {
        StringBuilder out = new StringBuilder();
        int written = 0;
        try (TokenStream tokens = indexAnalyzer.tokenStream(ANSWER, text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = tokens.addAttribute(OffsetAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                int start = offset.startOffset();
                int end = offset.endOffset();
                if (start < written || end > text.length() || !terms.contains(term.toString())) {
                    continue;
                }
                out.append(escape(text.substring(written, start))).append("<mark>")
                        .append(escape(text.substring(start, end))).append("</mark>");
                matched.add(text.substring(start, end));
                written = end;
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.append(escape(text.substring(written))).toString();
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static Set<String> terms(Analyzer analyzer, String text) {
        Set<String> terms = new LinkedHashSet<>();
        try (TokenStream tokens = analyzer.tokenStream(QUESTION, text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                // a multi-word synonym comes as one term of words joined by a separator; mark each of its words
                for (String word : term.toString().split("\u0000| ")) {
                    if (!word.isEmpty()) {
                        terms.add(word);
                    }
                }
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terms;
    }

    private static Document document(Article article) {
        ArticleContent content = article.getPublished();
        Document document = new Document();
        document.add(new StringField(ID, article.getId(), Field.Store.YES));
        document.add(new TextField(QUESTION, content.question(), Field.Store.NO));
        content.phrasings().forEach(phrasing -> document.add(new TextField(PHRASINGS, phrasing, Field.Store.NO)));
        document.add(new TextField(ANSWER, content.answer(), Field.Store.NO));
        if (content.districts().isEmpty()) {
            document.add(new StringField(DISTRICT, WHOLE_CITY, Field.Store.NO));
        }
        content.districts().forEach(d -> document.add(new StringField(DISTRICT, d, Field.Store.NO)));
        document.add(new LongPoint(VALID_FROM, LocalDate.parse(content.validFrom()).toEpochDay()));
        document.add(new LongPoint(VALID_UNTIL, content.validUntil() == null ? Long.MAX_VALUE
                : LocalDate.parse(content.validUntil()).toEpochDay()));
        return document;
    }

    /** The smart Chinese analyser's chain (words, stems, no stop words), widened by {@code synonyms} if given. */
    private static Analyzer analyzer(SynonymMap synonyms) {
        CharArraySet stopWords = SmartChineseAnalyzer.getDefaultStopSet();
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer tokenizer = new HMMChineseTokenizer();
                TokenStream stream = new StopFilter(new PorterStemFilter(tokenizer), stopWords);
                if (synonyms != null && synonyms.fst != null) {
                    stream = new SynonymGraphFilter(stream, synonyms, true);
                }
                return new TokenStreamComponents(tokenizer, stream);
            }
        };
    }

    /**
     * Every word of a group maps to every other, each cut into words as the articles are; a word the analyser leaves
     * nothing of (a stop word alone) is passed over.
     */
    private static SynonymMap synonyms(List<List<String>> groups, Analyzer analyzer) {
        SolrSynonymParser parser = new SolrSynonymParser(true, true, analyzer);
        for (List<String> group : groups) {
            List<CharsRef> words = new ArrayList<>();
            for (String word : group) {
                try {
                    words.add(parser.analyze(word, new CharsRefBuilder()));
                } catch (IllegalArgumentException | IOException unusable) {
                    log.warn("Synonym {} of group {} is not used: {}", word, group, unusable.getMessage());
                }
            }
            for (CharsRef from : words) {
                for (CharsRef to : words) {
                    parser.add(from, to, false);
                }
            }
        }
        try {
            return parser.build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        searchers.close();
        writer.close();
        directory.close();
    }
}
