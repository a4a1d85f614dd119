package ingest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/korean"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"

	"dossier/data/storetest"
)

// Texts written for these tests, one language each, stored in a legacy
// encoding with no declaration: each reads back exactly, never mojibake.
var legacyTexts = []struct {
	name string
	enc  encoding.Encoding
	text string
}{
	{"Russian, Windows-1251", charmap.Windows1251, "Министр иностранных дел встретился с делегацией в Москве в понедельник. Стороны обсудили вопросы безопасности на границе и договорились продолжить переговоры в следующем месяце."},
	{"Russian, KOI8-R", charmap.KOI8R, "Министр иностранных дел встретился с делегацией в Москве в понедельник. Стороны обсудили вопросы безопасности на границе и договорились продолжить переговоры в следующем месяце."},
	{"Chinese, GB18030", simplifiedchinese.GB18030, "外交部长周五在北京会见了代表团，双方讨论了地区安全与经济合作问题，并同意下个月继续举行会谈。"},
	{"Chinese, GBK", simplifiedchinese.GBK, "外交部长周五在北京会见了代表团，双方讨论了地区安全与经济合作问题，并同意下个月继续举行会谈。"},
	{"Chinese, Big5", traditionalchinese.Big5, "外交部長週五在台北會見了代表團，雙方討論了地區安全與經濟合作問題，並同意下個月繼續舉行會談。"},
	{"Japanese, Shift-JIS", japanese.ShiftJIS, "外務大臣は金曜日に東京で代表団と会談し、地域の安全保障と経済協力について話し合った。両国は来月も協議を続けることで合意した。"},
	{"Korean, EUC-KR", korean.EUCKR, "외교부 장관은 금요일 서울에서 대표단을 만나 지역 안보와 경제 협력 문제를 논의했다. 양측은 다음 달에도 회담을 계속하기로 합의했다."},
	{"Arabic, Windows-1256", charmap.Windows1256, "التقى وزير الخارجية بالوفد في القاهرة يوم الجمعة وناقش الطرفان قضايا الأمن الإقليمي والتعاون الاقتصادي واتفقا على مواصلة المحادثات في الشهر المقبل."},
	{"Greek, ISO-8859-7", charmap.ISO8859_7, "Ο υπουργός Εξωτερικών συναντήθηκε με την αντιπροσωπεία στην Αθήνα την Παρασκευή. Οι δύο πλευρές συζήτησαν θέματα ασφάλειας και συμφώνησαν να συνεχίσουν τις συνομιλίες τον επόμενο μήνα."},
	{"French, Windows-1252", charmap.Windows1252, "Le ministre a rencontré la délégation à Genève vendredi. Les deux parties ont discuté de sécurité régionale et ont convenu de poursuivre les négociations le mois prochain."},
}

// TestLegacyEncodingsAreRecognised: title, dateline and text of each.
func TestLegacyEncodingsAreRecognised(t *testing.T) {
	dir := storetest.TempDir(t)
	for _, c := range legacyTexts {
		title := strings.TrimSpace(string([]rune(c.text)[:12]))
		raw, err := c.enc.NewEncoder().Bytes([]byte(title + "\n\n2025-03-03\n\n" + c.text + "\n"))
		if err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(dir, strings.ReplaceAll(c.name, ", ", "-")+".txt")
		os.WriteFile(path, raw, 0o644)
		a, err := ReadFile(path, true, 1<<20)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if !strings.Contains(a.Text, c.text) || a.Title != title || a.Published != "2025-03-03" {
			t.Errorf("%s read as %q, title %q, published %q", c.name, a.Text, a.Title, a.Published)
		}
	}
}

// A page that declares one encoding and is written in UTF-8 is read as
// UTF-8; an undeclared legacy page is recognised.
func TestWebPageEncodings(t *testing.T) {
	dir := storetest.TempDir(t)
	body := "<p>The minister’s talks don’t end here: they’ll resume next month in Geneva, where both delegations will meet again to discuss border security.</p>"
	titles := map[string]string{"declares-latin1.html": "Don’t stop", "undeclared-gbk.html": "外交部长会见代表团"}
	pages := map[string][]byte{
		"declares-latin1.html": []byte(`<html><head><meta charset="windows-1252"><title>Don’t stop</title></head><body><article>` + body + body + `</article></body></html>`),
	}
	gbk, _ := simplifiedchinese.GBK.NewEncoder().Bytes([]byte("<html><head><title>外交部长会见代表团</title></head><body><article><p>" + legacyTexts[3].text + "</p><p>" + legacyTexts[3].text + "</p></article></body></html>"))
	pages["undeclared-gbk.html"] = gbk
	for name, raw := range pages {
		path := filepath.Join(dir, name)
		os.WriteFile(path, raw, 0o644)
		a, err := ReadFile(path, true, 1<<20)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if a.Title != titles[name] || strings.Contains(a.Title+a.Text, "â€") || strings.ContainsRune(a.Title+a.Text, '\uFFFD') {
			t.Errorf("%s: mojibake: %q / %q", name, a.Title, a.Text[:min(80, len(a.Text))])
		}
	}
}
