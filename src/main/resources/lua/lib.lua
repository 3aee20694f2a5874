-- Shared by every script (prepended when the script is loaded).
-- A flat JSON object as a list of stream fields: {k1, v1, k2, v2, ...}.
local function fields_of(json)
  local fields = {}
  for k, v in pairs(type(json) == 'string' and cjson.decode(json) or json) do
    fields[#fields + 1] = k
    fields[#fields + 1] = v
  end
  return fields
end
