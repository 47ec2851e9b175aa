package sdkgen

import (
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	gogen "github.com/pulumi/pulumi/pkg/v3/codegen/go"
	"github.com/pulumi/pulumi/pkg/v3/codegen/python"
	"github.com/pulumi/pulumi/pkg/v3/codegen/schema"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const (
	referenceDir = "../../docs/reference"
	sdkDir       = "../../sdk"
)

func generateReference(t *testing.T) map[string][]byte {
	t.Helper()
	schemaJSON, err := os.ReadFile("../../schema.json")
	require.NoError(t, err)
	files, err := Reference(schemaJSON)
	require.NoError(t, err)
	return files
}

func TestReferenceIsCommitted(t *testing.T) {
	t.Parallel()
	files := generateReference(t)
	require.Equal(t, []string{"README.md", "go.md", "python.md", "typescript.md", "yaml.md"}, slices.Sorted(maps.Keys(files)))

	committed, err := filepath.Glob(filepath.Join(referenceDir, "*.md"))
	require.NoError(t, err)
	for _, path := range committed {
		name := filepath.Base(path)
		assert.Contains(t, files, name, "docs/reference/%s is not generated any more: run `make docs` to remove it", name)
	}
	for name, want := range files {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			assert.True(t, strings.HasPrefix(string(want), ReferenceHeader+"\n"), "%s does not start with the generated-file line", name)
			got, err := os.ReadFile(filepath.Join(referenceDir, name))
			require.NoError(t, err, "docs/reference/%s is missing: run `make docs` and commit the result", name)
			if line, wantLine, gotLine, differ := firstDifference(string(want), string(got)); differ {
				t.Errorf("docs/reference/%s differs from what schema.json generates, first at line %d: run `make docs` "+
					"and commit the result\n want: %s\n  got: %s", name, line, wantLine, gotLine)
			}
		})
	}
}

func firstDifference(want, got string) (line int, wantLine, gotLine string, differ bool) {
	wantLines, gotLines := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(wantLines) || i < len(gotLines); i++ {
		w, g := "<end of file>", "<end of file>"
		if i < len(wantLines) {
			w = wantLines[i]
		}
		if i < len(gotLines) {
			g = gotLines[i]
		}
		if w != g {
			return i + 1, w, g, true
		}
	}
	return 0, "", "", false
}

// sdkSources are the generated SDK files that declare what each language's reference names.
var sdkSources = []struct {
	file      string
	resources map[string]string // resource name to the file declaring it
	types     []string
	enums     []string
	// propertyName, typeName and memberName match where the SDK declares a property, an object or enum
	// type and an enum member of that name, so a name that only occurs in a comment or string does not count.
	propertyName, typeName, memberName func(name string) string
	// normalize removes what the SDK spells around a type but the reference leaves out.
	normalize func(src string) string
	// property and member match the declaration of a property with its type and of an enum member with its value.
	property func(name, typ string) string
	member   func(name, value string) string
}{
	{
		file:         "typescript.md",
		resources:    map[string]string{"SecureMLNetwork": "nodejs/secureMLNetwork.ts", "SecureMLWorkspace": "nodejs/secureMLWorkspace.ts"},
		types:        []string{"nodejs/types/input.ts", "nodejs/types/output.ts"},
		enums:        []string{"nodejs/types/enums/index.ts"},
		propertyName: func(name string) string { return `\b` + regexp.QuoteMeta(name) + `\??: ` },
		typeName:     func(name string) string { return `\b(interface|const|type) ` + regexp.QuoteMeta(name) + `\b` },
		memberName:   func(name string) string { return `\b` + regexp.QuoteMeta(name) + `: "` },
		normalize:    func(src string) string { return strings.ReplaceAll(src, " | undefined", "") },
		property: func(name, typ string) string {
			return `\b` + regexp.QuoteMeta(name) + `\??: ` + regexp.QuoteMeta(typ) + `;`
		},
		member: func(name, value string) string {
			return `\b` + regexp.QuoteMeta(name) + `: ` + regexp.QuoteMeta(strconv.Quote(value)) + `,`
		},
	},
	{
		file:         "python.md",
		resources:    map[string]string{"SecureMLNetwork": "python/pulumi_secureml/secure_ml_network.py", "SecureMLWorkspace": "python/pulumi_secureml/secure_ml_workspace.py"},
		types:        []string{"python/pulumi_secureml/_inputs.py", "python/pulumi_secureml/outputs.py"},
		enums:        []string{"python/pulumi_secureml/_enums.py"},
		propertyName: func(name string) string { return `\b` + regexp.QuoteMeta(name) + `(: |\(self\) -> )` },
		typeName:     func(name string) string { return `\bclass ` + regexp.QuoteMeta(name) + `\b` },
		memberName:   func(name string) string { return `\b` + regexp.QuoteMeta(name) + `\s+= ` },
		normalize:    func(src string) string { return strings.ReplaceAll(src, "_builtins.", "") },
		property: func(name, typ string) string {
			return `\b` + regexp.QuoteMeta(name) + `(: |\(self\) -> )` + regexp.QuoteMeta(typ) + `( =|,|\)|:|\n)`
		},
		member: func(name, value string) string {
			return `\b` + regexp.QuoteMeta(name) + `\s+= ` + regexp.QuoteMeta(strconv.Quote(value))
		},
	},
	{
		file:         "go.md",
		resources:    map[string]string{"SecureMLNetwork": "go/secureml/secureMLNetwork.go", "SecureMLWorkspace": "go/secureml/secureMLWorkspace.go"},
		types:        []string{"go/secureml/pulumiTypes.go"},
		enums:        []string{"go/secureml/pulumiEnums.go"},
		propertyName: func(name string) string { return `(?m)^\s*` + regexp.QuoteMeta(name) + `\s+\S` },
		typeName:     func(name string) string { return `\btype ` + regexp.QuoteMeta(name) + `\b` },
		memberName:   func(name string) string { return `\b` + regexp.QuoteMeta(name) + `\s+= ` },
		normalize:    func(src string) string { return src },
		property: func(name, typ string) string {
			return `(?m)^\s*` + regexp.QuoteMeta(name) + `\s+` + regexp.QuoteMeta(typ) + `(\s|$)`
		},
		member: func(name, value string) string {
			return `\b` + regexp.QuoteMeta(name) + `\s+= \w+\(` + regexp.QuoteMeta(strconv.Quote(value)) + `\)`
		},
	},
}

func readSources(t *testing.T, paths ...string) string {
	t.Helper()
	var b strings.Builder
	for _, path := range paths {
		src, err := os.ReadFile(filepath.Join(sdkDir, filepath.FromSlash(path)))
		require.NoError(t, err)
		b.Write(src)
		b.WriteString("\n")
	}
	return b.String()
}

// lastName is the identifier a user's spelling ends with: AZURE_CLOUD in secureml.Cloud.AZURE_CLOUD.
func lastName(spelling string) string { return spelling[strings.LastIndex(spelling, ".")+1:] }

func assertDeclared(t *testing.T, src, pattern, name, where string) {
	t.Helper()
	assert.Regexp(t, pattern, src, "%q, as the reference spells it, is not declared in %s", name, where)
}

// TestReferenceNamesMatchTheSDKs proves the references use the names users type: every property, object
// type, enum and enum member the reference spells occurs in that language's generated SDK.
func TestReferenceNamesMatchTheSDKs(t *testing.T) {
	t.Parallel()
	files := generateReference(t)
	for _, lang := range sdkSources {
		t.Run(lang.file, func(t *testing.T) {
			t.Parallel()
			doc := parseReference(t, files[lang.file])
			types := readSources(t, lang.types...)
			enums := readSources(t, lang.enums...)
			for key, section := range doc {
				group, _, _ := strings.Cut(key, "/")
				switch group {
				case refInputTypes, refOutputTypes:
					require.NotEmpty(t, section.typeNames, "%s names no type", key)
					for _, name := range section.typeNames {
						assertDeclared(t, types, lang.typeName(lastName(name)), name, key)
					}
					for _, row := range section.rows {
						assertDeclared(t, types, lang.propertyName(row.name), row.name, key)
					}
				case refEnums:
					require.NotEmpty(t, section.typeNames, "%s names no type", key)
					for _, name := range section.typeNames {
						assertDeclared(t, enums, lang.typeName(lastName(name)), name, key)
					}
					for _, row := range section.rows {
						assertDeclared(t, enums, lang.memberName(lastName(row.typ)), row.typ, key)
					}
				default:
					path, ok := lang.resources[group]
					require.True(t, ok, "no SDK file listed for resource %s", group)
					src := readSources(t, path)
					for _, row := range section.rows {
						assertDeclared(t, src, lang.propertyName(row.name), row.name, path)
					}
				}
			}
		})
	}
}

// TestReferenceTypesMatchTheSDKs checks the declarations themselves: each property with the type the
// reference gives it, and each enum member with its value, as the SDK declares them.
func TestReferenceTypesMatchTheSDKs(t *testing.T) {
	t.Parallel()
	files := generateReference(t)
	for _, lang := range sdkSources {
		t.Run(lang.file, func(t *testing.T) {
			t.Parallel()
			doc := parseReference(t, files[lang.file])
			types := lang.normalize(readSources(t, lang.types...))
			enums := lang.normalize(readSources(t, lang.enums...))
			for key, section := range doc {
				group, _, _ := strings.Cut(key, "/")
				src, pattern := types, lang.property
				switch group {
				case refInputTypes, refOutputTypes:
				case refEnums:
					src, pattern = enums, func(value, spelling string) string { return lang.member(lastName(spelling), value) }
				default:
					src = lang.normalize(readSources(t, lang.resources[group]))
				}
				for _, row := range section.rows {
					assert.Regexp(t, pattern(row.name, row.typ), src, "%s: the SDK does not declare %s as %s", key, row.name, row.typ)
				}
			}
		})
	}
}

// TestReferenceCoversEveryProperty checks that every input, output, object property and enum value of
// the schema has its row in every language's reference.
func TestReferenceCoversEveryProperty(t *testing.T) {
	t.Parallel()
	schemaJSON, err := os.ReadFile("../../schema.json")
	require.NoError(t, err)
	var spec schema.PackageSpec
	require.NoError(t, json.Unmarshal(schemaJSON, &spec))
	files := generateReference(t)

	identity := func(name string) string { return name }
	for _, lang := range []struct {
		file string
		name func(string) string
	}{
		{"typescript.md", identity},
		{"python.md", python.PyName},
		{"go.md", gogen.Title},
		{"yaml.md", identity},
	} {
		t.Run(lang.file, func(t *testing.T) {
			t.Parallel()
			doc := parseReference(t, files[lang.file])
			names := func(props map[string]schema.PropertySpec) []string {
				var out []string
				for name := range props {
					out = append(out, lang.name(name))
				}
				sort.Strings(out)
				return out
			}
			for token, res := range spec.Resources {
				name := tokenName(token)
				assert.Equal(t, names(res.InputProperties), doc.rowNames(name+"/"+refInputs), "%s inputs", name)
				assert.Equal(t, names(res.Properties), doc.rowNames(name+"/"+refOutputs), "%s outputs", name)
			}
			for token, typ := range spec.Types {
				name := tokenName(token)
				if len(typ.Enum) > 0 {
					var values []string
					for _, e := range typ.Enum {
						values = append(values, fmt.Sprint(e.Value))
					}
					sort.Strings(values)
					assert.Equal(t, values, doc.rowNames(refEnums+"/"+name), "enum %s", name)
					continue
				}
				found := 0
				for _, group := range []string{refInputTypes, refOutputTypes} {
					if _, ok := doc[group+"/"+name]; ok {
						found++
						assert.Equal(t, names(typ.Properties), doc.rowNames(group+"/"+name), "%s %s", group, name)
					}
				}
				assert.NotZero(t, found, "object type %s has no section", name)
			}
		})
	}
}

// refDoc is a reference file's tables by "<h2>/<h3>" heading: Inputs and Outputs under each resource,
// one section per type under Input types, Output types and Enums.
type refDoc map[string]*refSection

type refSection struct {
	typeNames []string // the code spans of the **Type:** line
	rows      []refRow // first two cells: name (or enum value) and type (or enum member)
}

type refRow struct{ name, typ string }

var (
	refRowPattern  = regexp.MustCompile("^\\| `((?:[^`])*)` \\| `((?:[^`])*)` \\|")
	refCodePattern = regexp.MustCompile("`([^`]+)`")
	// refQualifiedName is a type name on a **Type:** line, such as secureml.types.input.ServiceTargetArgs.
	refQualifiedName = regexp.MustCompile(`^[A-Za-z_]\w*(\.[A-Za-z_]\w*)+$`)
)

func parseReference(t *testing.T, doc []byte) refDoc {
	t.Helper()
	require.NotEmpty(t, doc)
	parsed := refDoc{}
	var h2, h3 string
	section := func() *refSection {
		key := h2 + "/" + h3
		if parsed[key] == nil {
			parsed[key] = &refSection{}
		}
		return parsed[key]
	}
	inFence := false
	for _, line := range strings.Split(string(doc), "\n") {
		switch {
		case strings.HasPrefix(line, "```"):
			inFence = !inFence
		case inFence:
		case strings.HasPrefix(line, "## "):
			h2, h3 = strings.TrimPrefix(line, "## "), ""
		case strings.HasPrefix(line, "### "):
			h3 = strings.TrimPrefix(line, "### ")
		case strings.HasPrefix(line, refTypeLine):
			for _, m := range refCodePattern.FindAllStringSubmatch(strings.TrimPrefix(line, refTypeLine), -1) {
				if refQualifiedName.MatchString(m[1]) {
					section().typeNames = append(section().typeNames, m[1])
				}
			}
		case strings.HasPrefix(line, "| `"):
			m := refRowPattern.FindStringSubmatch(line)
			require.NotNil(t, m, "unparsed table row %q", line)
			unescape := func(s string) string { return strings.ReplaceAll(s, `\|`, "|") }
			section().rows = append(section().rows, refRow{unescape(m[1]), unescape(m[2])})
		}
	}
	require.NotEmpty(t, parsed)
	return parsed
}

func (d refDoc) rowNames(key string) []string {
	section, ok := d[key]
	if !ok {
		return nil
	}
	var names []string
	for _, row := range section.rows {
		names = append(names, row.name)
	}
	sort.Strings(names)
	return names
}
