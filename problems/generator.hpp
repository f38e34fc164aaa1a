// Description: what a problem's case generator declares and gets: its options (name, kind,
// default, range, help) and the settings chosen for one run, validated against them. A
// generator turns settings and a prng into one input object; the same settings and seed give
// the same input everywhere (support/random.hpp). `algojudge gen` and `stress` (which
// grows the options marked `size`, judging/stress.cpp) drive them. Reference: docs/gen.md.
// Status: tested in tests/problems/generator_test.cpp (every problem, many seeds and shapes).
#pragma once

#include <cstdint>
#include <map>
#include <span>
#include <string>
#include <string_view>

#include "support/json_input.hpp"
#include "support/random.hpp"

namespace algojudge {

enum class option_kind {
    integer,   // a whole number in [min, max]
    fraction,  // a real number in [0, 1], such as a share of boxes marked difficult
    choice,    // one of the words in `choices`
    flag,      // true or false; `--reuse` alone means true
};

struct generator_option {
    std::string_view name;  // "n": given as --n
    option_kind kind = option_kind::integer;
    std::string_view default_value;  // as it would be typed: "10", "0.1", "uniform", "false"
    std::string_view help;
    std::string_view choices = {};  // "uniform|clustered|..." for a choice
    std::int64_t min = 0;           // the range of an integer
    std::int64_t max = INT64_MAX;
    bool size = false;  // a size (count, magnitude) a stress run may grow from small
};

class generator_settings;

struct generator {
    std::span<const generator_option> options;
    // One input object for the problem; throws usage_error for settings that contradict each
    // other (--min above --max).
    json (*generate)(const generator_settings& settings, prng& random);
};

// Values for every option of one generator: the defaults, then what `set` changed.
class generator_settings {
  public:
    explicit generator_settings(const generator& source);

    // Sets option `name` from its text; usage_error naming `--name` when the generator has no
    // such option or the text is not a value of its kind and range.
    void set(std::string_view name, std::string_view text);

    std::int64_t integer(std::string_view name) const;
    double fraction(std::string_view name) const;
    std::string_view choice(std::string_view name) const;
    bool flag(std::string_view name) const;

  private:
    struct value {
        const generator_option* option = nullptr;
        std::int64_t integer = 0;
        double fraction = 0;
        std::string word;  // a choice; "true"/"false" for a flag
    };
    const value& get(std::string_view name, option_kind kind) const;

    std::map<std::string, value, std::less<>> values_;
};

// What values the option takes: "an integer from 0 to 100000", "one of uniform|clustered".
std::string describe_values(const generator_option& option);

}  // namespace algojudge
